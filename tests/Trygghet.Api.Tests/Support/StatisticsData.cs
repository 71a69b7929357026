using System.Net.Http.Headers;
using System.Text;
using Trygghet.Client;

namespace Trygghet.Api.Tests.Support;

/// <summary>The recorded police events and BRÅ files in TestData, and importing them as staff do.</summary>
public static class StatisticsData
{
    public static string Read(string folder, string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", folder, file));

    /// <summary>Posts a file to an import endpoint as staff and asserts it was taken.</summary>
    public static async Task ImportAsync(this ApiFactory api, string path, string body, string mediaType)
    {
        var http = api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await api.TokenFor(DevRole.Staff));
        var response = await http.PostAsync(path, new StringContent(body, Encoding.UTF8, mediaType));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
