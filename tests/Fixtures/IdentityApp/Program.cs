Console.WriteLine("IdentityApp ran its Main.");
