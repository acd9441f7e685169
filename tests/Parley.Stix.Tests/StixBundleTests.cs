using System.Text;
using System.Text.Json.Nodes;

namespace Parley.Stix.Tests;

public sealed class StixBundleTests
{
    private static string BundleJson(int count)
    {
        var objects = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            objects.Add(new JsonObject
            {
                ["type"] = "ipv4-addr",
                ["spec_version"] = "2.1",
                ["id"] = $"ipv4-addr--{new Guid(i, 0, 0x4000, 0x80, 0, 0, 0, 0, 0, 0, 0):D}",
                ["value"] = $"198.51.{i / 256 % 256}.{i % 256}",
                ["x_parley_note"] = new string('n', i % 300),
            });
        }

        return new JsonObject
        {
            ["x_producer"] = new JsonObject { ["name"] = "ignored", ["list"] = new JsonArray(1, 2) },
            ["objects"] = objects,
            ["id"] = "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d",
            ["type"] = "bundle",
        }.ToJsonString();
    }

    [Fact]
    public void Parse_Bundle_ReturnsIdAndObjectsInOrder()
    {
        var bundle = StixBundle.Parse(BundleJson(3));

        Assert.Equal("bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", bundle.Id);
        Assert.Equal(["198.51.0.0", "198.51.0.1", "198.51.0.2"], bundle.Objects.Select(o => o["value"]!.GetValue<string>()));
    }

    [Fact]
    public void ToJson_ParsedBundle_RoundTripsObjectsAsEqualJson()
    {
        var source = StixBundle.Create(Samples.All.Select(row => StixObject.Parse((string)row[1])));

        var again = StixBundle.Parse(source.ToJson(indented: true));

        Assert.Equal(source.Id, again.Id);
        Assert.Equal(source.Objects.Count, again.Objects.Count);
        for (var i = 0; i < source.Objects.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(source.Objects[i].Raw, again.Objects[i].Raw));
        }
    }

    [Theory]
    [InlineData("""{"type":"report","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d"}""")]
    [InlineData("""{"type":"bundle"}""")]
    [InlineData("""{"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d","objects":{}}""")]
    [InlineData("""{"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d","objects":[1]}""")]
    [InlineData("""[]""")]
    public void Parse_NotABundle_ThrowsStixFormatException(string json)
    {
        Assert.Throws<StixFormatException>(() => StixBundle.Parse(json));
    }

    [Theory]
    [InlineData(16)]
    [InlineData(64)]
    [InlineData(65536)]
    public async Task ReadObjectsAsync_AnyBufferSize_YieldsEveryObjectInOrder(int bufferSize)
    {
        var json = BundleJson(500);
        var expected = StixBundle.Parse(json).Objects;
        var reader = new StixBundleReader(new MemoryStream(Encoding.UTF8.GetBytes(json)), bufferSize);

        var read = new List<StixObject>();
        await foreach (var obj in reader.ReadObjectsAsync())
        {
            read.Add(obj);
        }

        Assert.Equal(expected.Count, read.Count);
        Assert.All(expected.Zip(read), pair => Assert.True(JsonNode.DeepEquals(pair.First.Raw, pair.Second.Raw)));
        Assert.Equal("bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", reader.BundleId);
    }

    [Fact]
    public async Task ReadObjectsAsync_IndentedBundle_KeepsEachObjectsTextWithoutTheWhitespaceBetweenTokens()
    {
        // Spaces and escaped quotes, backslashes and newlines inside strings stay; the indentation goes.
        var json = "{\n  \"type\": \"bundle\",\n  \"id\": \"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\",\n  \"objects\": [\n" +
                   "    {\r\n\t\"type\" : \"note\", \"content\": \"a \\\"quoted\\\" \\\\ path\\n\\u00e9  end\", \"x_n\" : [ 1.50 , true ]\n    }\n  ]\n}";
        var reader = new StixBundleReader(new MemoryStream(Encoding.UTF8.GetBytes(json)), 16);

        var read = new List<StixObject>();
        await foreach (var obj in reader.ReadObjectsAsync())
        {
            read.Add(obj);
        }

        var received = Assert.Single(read).ReceivedJson;
        Assert.Equal("{\"type\":\"note\",\"content\":\"a \\\"quoted\\\" \\\\ path\\n\\u00e9  end\",\"x_n\":[1.50,true]}", received);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(received!), read[0].Raw));
        Assert.Null(StixObject.Parse(received!).ReceivedJson);
    }

    [Theory]
    // A string that ends in an escaped backslash, then whitespace: the quote after the backslashes closes it.
    [InlineData("{ \"a\" : \"x\\\\\" ,\n \"b\" : \"\\\" \" }", "{\"a\":\"x\\\\\",\"b\":\"\\\" \"}")]
    // Nothing to drop: the text is kept as sent.
    [InlineData("{\"a\":\"one two\",\"b\":[1,2]}", "{\"a\":\"one two\",\"b\":[1,2]}")]
    // Whitespace only inside strings, and non-ASCII text.
    [InlineData("{\"a\":\"\\t é \\n 漢  x\"}", "{\"a\":\"\\t é \\n 漢  x\"}")]
    // Whitespace at the very start and end of the object's text, and around every token.
    [InlineData("{\r\n\"a\"\t:\t[ true , null , { } ]\r\n}", "{\"a\":[true,null,{}]}")]
    public async Task ReadObjectsAsync_ObjectText_DropsWhitespaceOutsideStringsOnly(string sent, string kept)
    {
        var json = $"{{\"type\":\"bundle\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\",\"objects\":[{sent}]}}";
        var reader = new StixBundleReader(new MemoryStream(Encoding.UTF8.GetBytes(json)), 16);

        var read = new List<StixObject>();
        await foreach (var obj in reader.ReadObjectsAsync()) read.Add(obj);

        Assert.Equal(kept, Assert.Single(read).ReceivedJson);
    }

    [Fact]
    public async Task ReadObjectsAsync_MalformedElement_YieldsEarlierObjectsThenThrows()
    {
        var json = """{"type":"bundle","id":"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d","objects":[{"type":"ipv4-addr"},{"type": ]}""";
        var reader = new StixBundleReader(new MemoryStream(Encoding.UTF8.GetBytes(json)), 16);

        var read = new List<StixObject>();
        await Assert.ThrowsAsync<StixFormatException>(async () =>
        {
            await foreach (var obj in reader.ReadObjectsAsync())
            {
                read.Add(obj);
            }
        });

        Assert.Single(read);
    }

    [Fact]
    public async Task ReadObjectsAsync_NotABundle_Throws()
    {
        var reader = new StixBundleReader(new MemoryStream("""{"type":"report","id":"x","objects":[]}"""u8.ToArray()));

        await Assert.ThrowsAsync<StixFormatException>(async () =>
        {
            await foreach (var _ in reader.ReadObjectsAsync())
            {
            }
        });
    }

    [Fact]
    public async Task StixBundleWriter_Objects_WritesABundleTheReaderReadsBack()
    {
        var objects = StixBundle.Parse(BundleJson(200)).Objects;
        using var stream = new MemoryStream();
        await using (var writer = new StixBundleWriter(stream, "bundle--6ba7b810-9dad-41d1-80b4-00c04fd430c8"))
        {
            foreach (var obj in objects)
            {
                await writer.WriteObjectAsync(obj);
            }

            await writer.CompleteAsync();
            Assert.Equal(200, writer.Count);
        }

        var again = StixBundle.Parse(stream.ToArray());

        Assert.Equal("bundle--6ba7b810-9dad-41d1-80b4-00c04fd430c8", again.Id);
        Assert.All(objects.Zip(again.Objects), pair => Assert.True(JsonNode.DeepEquals(pair.First.Raw, pair.Second.Raw)));
    }
}
