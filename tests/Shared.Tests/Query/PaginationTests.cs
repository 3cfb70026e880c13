using System.Net;
using System.Text.Json;
using Shared.Tests.Http;
using Zgw.Testing;

namespace Shared.Tests.Query;

/// <summary>Page-number pagination (ZGW G4): {count,next,previous,results}, absolute links, 404 past the end.</summary>
public sealed class PaginationTests() : ZgwTestApiTests
{
    private async Task<JsonElement> GetPage(string query)
    {
        var response = await Client.GetAsync("/zaken/api/v1/getallen" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task FirstPage_Has100ResultsCountAndAbsoluteNextLink()
    {
        var page = await GetPage("");
        Assert.Equal(250, page.GetProperty("count").GetInt32());
        Assert.Equal(100, page.GetProperty("results").GetArrayLength());
        Assert.Equal("https://zgw.example.nl/zaken/api/v1/getallen?page=2", page.GetProperty("next").GetString());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("previous").ValueKind);
    }

    [Fact]
    public async Task LastPage_HasTheRemainderAndNoNext()
    {
        var page = await GetPage("?page=3");
        Assert.Equal(50, page.GetProperty("results").GetArrayLength());
        Assert.Equal(201, page.GetProperty("results")[0].GetInt32());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("next").ValueKind);
        Assert.Equal("https://zgw.example.nl/zaken/api/v1/getallen?page=2", page.GetProperty("previous").GetString());
    }

    [Fact]
    public async Task LinkToFirstPage_DropsThePageParameter_AndKeepsOtherParameters()
    {
        var page = await GetPage("?nummer__gt=1&page=2");
        Assert.Equal("https://zgw.example.nl/zaken/api/v1/getallen?nummer__gt=1", page.GetProperty("previous").GetString());
        Assert.Equal("https://zgw.example.nl/zaken/api/v1/getallen?nummer__gt=1&page=3", page.GetProperty("next").GetString());
    }

    [Fact]
    public async Task PageSizeExtension_IsHonouredUpTo500()
    {
        var page = await GetPage("?pageSize=1000");
        Assert.Equal(250, page.GetProperty("results").GetArrayLength());
        var small = await GetPage("?pageSize=10&page=2");
        Assert.Equal(11, small.GetProperty("results")[0].GetInt32());
        Assert.Equal("https://zgw.example.nl/zaken/api/v1/getallen?pageSize=10&page=3", small.GetProperty("next").GetString());
    }

    [Fact]
    public async Task PagePastTheLast_Is404()
    {
        var response = await Client.GetAsync("/zaken/api/v1/getallen?page=4");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("twee")]
    public async Task InvalidPageNumber_Is400(string page)
    {
        var response = await Client.GetAsync("/zaken/api/v1/getallen?page=" + page);
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "invalid", "page", "invalid");
    }
}
