Console.WriteLine("BrokenApp ran its Main.");
