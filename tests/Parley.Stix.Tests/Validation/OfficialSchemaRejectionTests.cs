namespace Parley.Stix.Tests.Validation;

/// <summary>The vendored official schemas really constrain: what they reject, our validator rejects too.</summary>
public sealed class OfficialSchemaRejectionTests
{
    [Theory]
    [InlineData("created", "2016-04-06T20:03:48Z")]
    [InlineData("id", "malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f")]
    [InlineData("valid_from", "yesterday")]
    public async Task OfficialSchemaAndValidator_BadIndicator_BothReject(string property, string value)
    {
        var obj = StixObject.FromJson(Samples.With(Samples.Indicator, o => o[property] = value));

        Assert.NotEmpty(await OfficialSchemas.ValidateAsync(obj));
        Assert.NotEmpty(Parley.Stix.Validation.StixValidator.Validate(obj));
    }

    [Fact]
    public async Task OfficialSchemaAndValidator_IndicatorWithoutPatternType_BothReject()
    {
        var obj = StixObject.FromJson(Samples.With(Samples.Indicator, o => o.Remove("pattern_type")));

        Assert.NotEmpty(await OfficialSchemas.ValidateAsync(obj));
        Assert.NotEmpty(Parley.Stix.Validation.StixValidator.Validate(obj));
    }
}
