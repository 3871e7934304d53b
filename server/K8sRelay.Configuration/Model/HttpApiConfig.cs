namespace K8sRelay.Configuration.Model;

/// <summary>The <c>http_api</c> section: the server HTTP API.</summary>
public sealed class HttpApiConfig
{
    /// <summary><c>http_api.disabled</c>: turn the HTTP API off. Default false.</summary>
    public bool Disabled { get; set; }

    /// <summary><c>http_api.handler_prefix</c>: path prefix of the API (<c>POST &lt;prefix&gt;/&lt;method&gt;</c>). Default <c>/api</c>.</summary>
    public string HandlerPrefix { get; set; } = "/api";

    /// <summary><c>http_api.key</c>: API key (<c>X-API-Key</c> header, <c>Authorization: apikey</c> or <c>api_key</c> query); an empty key refuses every request unless insecure. Default empty.</summary>
    public string Key { get; set; } = "";

    /// <summary><c>http_api.error_mode</c>: empty (errors in a 200 body) or <c>transport</c> (errors as HTTP statuses). Default empty.</summary>
    public string ErrorMode { get; set; } = "";

    /// <summary><c>http_api.external</c>: serve the API on the external port even when an internal port is set. Default false.</summary>
    public bool External { get; set; }

    /// <summary><c>http_api.insecure</c>: do not check the API key. Default false.</summary>
    public bool Insecure { get; set; }
}
