Console.WriteLine("UnrulyApp ran its Main.");
