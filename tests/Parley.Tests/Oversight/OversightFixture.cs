using Microsoft.AspNetCore.Builder;
using Parley.Escalation;
using Parley.Tests.Infrastructure;

namespace Parley.Tests.Oversight;

/// The app with <see cref="OversightScenario"/> built once; the report tests only read it.
public abstract class OversightFixture(DatabaseKind kind) : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;
    public Dictionary<string, Guid> Ids { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // The scenario decides by itself which deadlines are missed; the watcher (and whatever escalates on
        // its alerts) must not add rows of its own.
        App = await TestApp.StartAsync(kind, OversightScenario.Start, (WebApplicationBuilder b) =>
            b.Services.Configure<DeadlineWatcherOptions>(o => o.Enabled = false));
        Ids = await OversightScenario.BuildAsync(App);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

public sealed class SqliteOversightFixture() : OversightFixture(DatabaseKind.Sqlite);

public sealed class PostgresOversightFixture() : OversightFixture(DatabaseKind.Postgres);
