using Microsoft.AspNetCore.Builder;

namespace Parley.Tests.Infrastructure;

/// A test class whose every test gets its own <see cref="TestApp"/> on a fresh database.
public abstract class AppTest(DatabaseKind kind) : IAsyncLifetime
{
    protected TestApp App { get; private set; } = null!;

    /// Adjusts the app before it starts, e.g. to switch a background service off.
    protected virtual void Configure(WebApplicationBuilder builder) { }

    public async Task InitializeAsync() => App = await TestApp.StartAsync(kind, configure: Configure);

    public async Task DisposeAsync() => await App.DisposeAsync();
}
