Console.WriteLine("PartialApp ran its Main.");
