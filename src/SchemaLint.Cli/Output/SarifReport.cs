using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using SchemaLint.Cli.Protocol;
using SchemaLint.Core.Rules;

namespace SchemaLint.Cli.Output
{
    /// <summary>
    /// SARIF 2.1.0 (OASIS), one run per invocation: every catalog rule with its metadata and help link, every finding as a
    /// result with a file URI relative to <c>%SRCROOT%</c> (the directory schemalint ran in) and its entity as a logical location.
    /// Every result carries its fingerprint in <c>partialFingerprints</c> (stable when code moves); with a baseline, findings it
    /// holds are kept as results with <c>baselineState</c> "unchanged" and an external suppression, the others are "new".
    /// </summary>
    internal static class SarifReport
    {
        public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
        private const string SourceRootId = "SRCROOT";

        /// <summary>The partialFingerprints key: versioned, so that a different fingerprint recipe can never be mistaken for this one.</summary>
        public const string FingerprintKey = "schemalint/v1";

        private static readonly Lazy<IReadOnlyDictionary<string, string>> RuleNames = new Lazy<IReadOnlyDictionary<string, string>>(() =>
            typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .ToDictionary(f => (string)f.GetRawConstantValue()!, f => f.Name, StringComparer.OrdinalIgnoreCase));

        public static void Write(AuditReportData report, Stream stream)
        {
            var rules = RuleCatalog.Descriptors;
            var ruleIndex = rules.Select((r, i) => (r.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.OrdinalIgnoreCase);

            var results = new JsonArray();
            foreach (var (context, finding) in report.AllFindings)
            {
                var result = new JsonObject
                {
                    ["ruleId"] = finding.RuleId,
                };
                if (ruleIndex.TryGetValue(finding.RuleId, out var index)) result["ruleIndex"] = index;
                result["level"] = Level(AuditReportData.ParseSeverity(finding.Severity));
                result["message"] = new JsonObject { ["text"] = finding.Message };
                var location = Location(report, finding);
                if (location.Count > 0) result["locations"] = new JsonArray(location);
                result["partialFingerprints"] = new JsonObject { [FingerprintKey] = finding.Fingerprint };
                if (report.Baseline is { } baseline)
                {
                    var baselined = baseline.IsBaselined(context, finding);
                    result["baselineState"] = baselined ? "unchanged" : "new";
                    if (baselined)
                    {
                        result["suppressions"] = new JsonArray(new JsonObject
                        {
                            ["kind"] = "external",
                            ["justification"] = "Accepted in the baseline " + report.DisplayPath(baseline.File),
                        });
                    }
                }

                var properties = new JsonObject { ["context"] = context.FullName.Length > 0 ? context.FullName : context.Name };
                if (finding.Table is not null) properties["table"] = finding.Table;
                if (finding.TableColumn is not null) properties["column"] = finding.TableColumn;
                if (finding.FixSql is not null) properties["fixSql"] = finding.FixSql;
                result["properties"] = properties;
                results.Add(result);
            }

            var driver = new JsonObject
            {
                ["name"] = "SchemaLint",
                ["version"] = AuditReportData.ToolVersion,
                ["semanticVersion"] = AuditReportData.ToolVersion,
                ["informationUri"] = SchemaLint.Core.Rules.RuleDescriptor.ProjectAddress,
                ["rules"] = new JsonArray(rules.Select(Rule).ToArray<JsonNode?>()),
            };

            var log = new JsonObject
            {
                ["$schema"] = SchemaUri,
                ["version"] = "2.1.0",
                ["runs"] = new JsonArray(new JsonObject
                {
                    ["tool"] = new JsonObject { ["driver"] = driver },
                    ["originalUriBaseIds"] = new JsonObject
                    {
                        [SourceRootId] = new JsonObject { ["uri"] = new Uri(report.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar).AbsoluteUri },
                    },
                    ["results"] = results,
                    ["columnKind"] = "utf16CodeUnits",
                }),
            };

            using var writer = JsonOutput.Writer(stream);
            log.WriteTo(writer);
            writer.Flush();
            stream.WriteByte((byte)'\n');
        }

        private static JsonObject Rule(RuleDescriptor rule)
        {
            var node = new JsonObject
            {
                ["id"] = rule.Id,
                ["name"] = RuleNames.Value.TryGetValue(rule.Id, out var name) ? name : rule.Id,
                ["shortDescription"] = new JsonObject { ["text"] = rule.Title },
            };
            if (rule.Description.Length > 0) node["fullDescription"] = new JsonObject { ["text"] = rule.Description };
            node["helpUri"] = rule.HelpLink;
            node["help"] = new JsonObject { ["text"] = $"{rule.Title}. See {rule.HelpLink}" };
            var configuration = new JsonObject { ["level"] = Level(rule.DefaultSeverity == Severity.None ? Severity.Warning : rule.DefaultSeverity) };
            if (rule.DefaultSeverity == Severity.None) configuration["enabled"] = false;
            node["defaultConfiguration"] = configuration;
            node["properties"] = new JsonObject { ["category"] = rule.Category, ["tags"] = new JsonArray(rule.Category) };
            return node;
        }

        private static JsonObject Location(AuditReportData report, FindingResult finding)
        {
            var (file, line, column, entity, member) = (finding.File, finding.Line, finding.Column, finding.Entity, finding.Member);
            var location = new JsonObject();
            if (file is not null)
            {
                var display = report.DisplayPath(file);
                var artifact = Path.IsPathRooted(display)
                    ? new JsonObject { ["uri"] = new Uri(Path.GetFullPath(file)).AbsoluteUri }
                    : new JsonObject { ["uri"] = string.Join("/", display.Split('/').Select(Uri.EscapeDataString)), ["uriBaseId"] = SourceRootId };
                var physical = new JsonObject { ["artifactLocation"] = artifact };
                if (line is int startLine && startLine > 0)
                {
                    var region = new JsonObject { ["startLine"] = startLine };
                    if (column is int startColumn && startColumn > 0) region["startColumn"] = startColumn;
                    physical["region"] = region;
                }

                location["physicalLocation"] = physical;
            }

            if (entity is not null)
            {
                location["logicalLocations"] = new JsonArray(new JsonObject
                {
                    ["fullyQualifiedName"] = member is null ? entity : entity + "." + member,
                    ["kind"] = member is null ? "type" : "member",
                });
            }
            else if (finding.Table is not null)
            {
                // A table the model does not map (SL6001 sees every table): the database object is all there is to point at.
                location["logicalLocations"] = new JsonArray(new JsonObject
                {
                    ["fullyQualifiedName"] = finding.TableColumn is null ? finding.Table : finding.Table + "." + finding.TableColumn,
                    ["kind"] = "resource",
                });
            }

            return location;
        }

        private static string Level(Severity severity) => severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            Severity.Suggestion => "note",
            _ => "none",
        };
    }
}
