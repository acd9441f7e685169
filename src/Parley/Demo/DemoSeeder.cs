namespace Parley.Demo;

public static class DemoSeeder
{
    public static Task SeedAsync(IServiceProvider services, TextWriter output, CancellationToken ct) => Task.CompletedTask;
}
