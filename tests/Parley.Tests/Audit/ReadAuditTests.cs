using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Parley.Audit;
using Parley.Data;
using Parley.Tests.Infrastructure;
using TaxiiKit = Parley.Tests.Taxii.Taxii;

namespace Parley.Tests.Audit;

/// TAXII reads are recorded through a queue that writes many at once; whoever reads the trail sees them all.
/// The test clock never ends the writer's linger by itself, so an entry is written only by a flush,
/// a full batch or the shutdown.
public abstract class ReadAuditTests(DatabaseKind kind) : AppTest(kind)
{
    private readonly ConcurrentQueue<string> _writeErrors = new();

    protected override void Configure(WebApplicationBuilder builder) =>
        builder.Logging.AddProvider(new ErrorsOf(typeof(ReadAuditWriter).FullName!, _writeErrors));

    [Fact]
    public async Task ARead_IsInTheAuditApi_AsSoonAsItIsAnswered_AsTheToken_WithItsOwnInstant()
    {
        var collection = await TaxiiKit.CollectionAsync(App);
        var readAt = App.Time.GetUtcNow();
        await TaxiiKit.GetAsync(App, "us.officer", $"{collection}objects/?limit=5");

        var items = await ReadsAsync();
        var item = Assert.Single(items);
        Assert.Equal(("taxii.objects.read", "token", await TokenAsync("us.officer")), (item.Str("action"), item.Str("actorType"), item.Str("actorId")));
        Assert.Equal(("Collection", collection.Split('/')[^2]), (item.Str("subjectType"), item.Str("subjectId")));
        // The payload keeps its keys, with the instant of the read itself added.
        Assert.Equal(AuditHash.Digest(new Dictionary<string, string?>
        {
            ["object"] = null, ["query"] = "?limit=5", ["count"] = "0", ["at"] = readAt.ToString("O", CultureInfo.InvariantCulture),
        }), item.Str("payloadDigest"));

        await TaxiiKit.GetAsync(App, "us.officer", $"{collection}manifest/");
        var checkpoint = await (await App.As("us.admin").GetAsync("/api/v1/audit/checkpoint")).ReadAsync();
        var head = (await AuditKit.EntriesAsync(App))[^1];
        Assert.Equal(("taxii.manifest.read", $"{head.Sequence}:{head.Hash}"), (head.Action, checkpoint.Str("text")));
    }

    [Fact]
    public async Task ManyParallelReads_AllLand_InFewerWritesThanReads_InAnUnbrokenChain()
    {
        const int reads = 50;
        var collection = await TaxiiKit.CollectionAsync(App);
        var responses = await Task.WhenAll(Enumerable.Range(1, reads).Select(i =>
            Task.Run(() => App.As("us.officer").GetAsync($"{collection}objects/?limit={i}"))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

        var items = await ReadsAsync();
        // An entry names one read and lists the others written with it in the same transaction.
        var recorded = items.Sum(e => 1 + e.GetProperty("changes").EnumerateArray().Count(c => c.Str("action") == "taxii.objects.read"));
        Assert.Equal(reads, recorded);
        Assert.True(items.Count < reads, $"{items.Count} entries for {reads} reads");
        var (exit, stdout, stderr) = await AuditKit.CliAsync(App, "verify");
        Assert.True(exit == 0, stdout + stderr);
    }

    [Fact]
    public async Task AReadIsAnswered_WhileTheAuditCannotBeWritten_AndItsEntryIsWrittenOnceItCan()
    {
        var sqlite = App.Storage.Provider == StorageProvider.Sqlite;
        await AuditKit.TamperAsync(App, sqlite
            ? """CREATE TRIGGER refuse_audit BEFORE INSERT ON "AuditEntries" BEGIN SELECT RAISE(ABORT, 'audit refused'); END;"""
            : """
              CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RAISE EXCEPTION ''audit refused''; END';
              CREATE TRIGGER refuse_audit BEFORE INSERT ON "AuditEntries" FOR EACH ROW EXECUTE FUNCTION refuse_audit();
              """);
        var collection = await TaxiiKit.CollectionAsync(App);
        await TaxiiKit.GetAsync(App, "us.officer", $"{collection}objects/");

        var flushed = App.Services.GetRequiredService<ReadAuditQueue>().FlushAsync(CancellationToken.None);
        await Eventually(() => !_writeErrors.IsEmpty);
        Assert.Contains("audit refused", _writeErrors.First());
        Assert.False(flushed.IsCompleted);

        await AuditKit.TamperAsync(App, sqlite ? "DROP TRIGGER refuse_audit;" : """DROP TRIGGER refuse_audit ON "AuditEntries"; DROP FUNCTION refuse_audit();""");
        // The writer retries after its back-off, which runs on the test clock.
        await Eventually(() =>
        {
            App.Time.Advance(TimeSpan.FromSeconds(1));
            return flushed.IsCompleted;
        });
        await flushed;
        Assert.Single(await AuditKit.EntriesAsync(App), e => e.Action == "taxii.objects.read");
        var (exit, stdout, stderr) = await AuditKit.CliAsync(App, "verify");
        Assert.True(exit == 0, stdout + stderr);
    }

    [Fact]
    public async Task Shutdown_WritesTheReadsStillQueued()
    {
        var collection = await TaxiiKit.CollectionAsync(App);
        await TaxiiKit.GetAsync(App, "us.officer", $"{collection}objects/");
        Assert.DoesNotContain(await AuditKit.EntriesAsync(App), e => e.Action == "taxii.objects.read");

        await App.StopAsync();

        var read = Assert.Single(await AuditKit.EntriesAsync(App), e => e.Action == "taxii.objects.read");
        Assert.Equal(await TokenAsync("us.officer"), read.ActorId.ToString());
    }

    private async Task<List<JsonElement>> ReadsAsync()
    {
        var response = await App.As("us.admin").GetAsync("/api/v1/audit?action=taxii.objects.read&limit=1000");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadAsync()).GetProperty("items").EnumerateArray().ToList();
    }

    private async Task<string> TokenAsync(string userName) =>
        (await App.WithDbAsync(db => db.ApiTokens.Where(t => t.User!.UserName == userName).Select(t => t.Id).SingleAsync())).ToString();

    private static async Task Eventually(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "timed out");
            await Task.Delay(20);
        }
    }

    /// Keeps the error messages one logger category writes.
    private sealed class ErrorsOf(string category, ConcurrentQueue<string> errors) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => categoryName == category ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) errors.Enqueue($"{formatter(state, exception)} {exception?.Message}");
        }

        public void Dispose() { }
    }
}

public sealed class ReadAuditOnSqlite() : ReadAuditTests(DatabaseKind.Sqlite);

public sealed class ReadAuditOnPostgres() : ReadAuditTests(DatabaseKind.Postgres);
