Console.WriteLine("SqlServerAnalyzedApp");
