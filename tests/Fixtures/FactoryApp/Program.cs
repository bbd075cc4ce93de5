Console.WriteLine("FactoryApp ran its Main.");
