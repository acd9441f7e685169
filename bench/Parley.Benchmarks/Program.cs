Console.WriteLine("Benchmarks: coming in this change.");
