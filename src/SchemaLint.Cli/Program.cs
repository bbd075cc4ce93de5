using System;
using SchemaLint.Core.Rules;

namespace SchemaLint.Cli
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length == 1 && args[0] == "rules")
            {
                foreach (var rule in RuleCatalog.Descriptors)
                    Console.WriteLine($"{rule.Id}  {rule.DefaultSeverity.ToEditorConfigName(),-10}  {rule.Category,-13}  {rule.Title}");
                return 0;
            }

            Console.Error.WriteLine("usage: schemalint rules");
            return 2;
        }
    }
}
