Console.WriteLine("ImportTwiceApp ran its Main.");
