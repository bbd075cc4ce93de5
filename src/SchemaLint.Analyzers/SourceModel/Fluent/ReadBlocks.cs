using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SchemaLint.Analyzers.SourceModel.Fluent
{
    /// <summary>
    /// Keeps the statements of the blocks the Fluent reader read for as long as their syntax tree lives. Roslyn holds a
    /// block's statements weakly, so after a collection the next snapshot's reading built the syntax of every unchanged
    /// configuration body again: at 5,000 entity types, 21 of the 121 MB a model edit allocated. Held, they cost about 4 MB
    /// at 1,000 entity types and 21 MB at 5,000 (bench/ANALYSIS.md, run 13). A tree an edit replaces takes its statements
    /// with it, so nothing accumulates across snapshots.
    /// </summary>
    internal static class ReadBlocks
    {
        private static readonly ConditionalWeakTable<SyntaxTree, HeldStatements> s_held = new ConditionalWeakTable<SyntaxTree, HeldStatements>();

        public static void Hold(BlockSyntax block)
        {
            if (block.Statements.Count == 0) return;
            var held = s_held.GetValue(block.SyntaxTree, _ => new HeldStatements());
            lock (held)
            {
                if (!held.Blocks.Add(block)) return;
                foreach (var statement in block.Statements) held.Statements.Add(statement);
            }
        }

        private sealed class HeldStatements
        {
            public HashSet<BlockSyntax> Blocks { get; } = new HashSet<BlockSyntax>();

            public List<StatementSyntax> Statements { get; } = new List<StatementSyntax>();
        }
    }
}
