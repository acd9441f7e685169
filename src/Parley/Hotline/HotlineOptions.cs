using System.ComponentModel.DataAnnotations;

namespace Parley.Hotline;

public sealed class HotlineOptions
{
    /// The address people reach this server at; acknowledgement links in e-mails start with it.
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    public string Link(string path) => PublicBaseUrl.TrimEnd('/') + path;
}
