namespace Parley.Tests.Infrastructure;

/// A test class whose every test gets its own <see cref="TestApp"/> on a fresh database.
public abstract class AppTest(DatabaseKind kind) : IAsyncLifetime
{
    protected TestApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await TestApp.StartAsync(kind);

    public async Task DisposeAsync() => await App.DisposeAsync();
}
