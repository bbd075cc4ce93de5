Console.WriteLine("MigrationsApp ran its Main.");
