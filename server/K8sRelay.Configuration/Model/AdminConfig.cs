namespace K8sRelay.Configuration.Model;

/// <summary>The <c>admin</c> section: the admin web UI.</summary>
public sealed class AdminConfig
{
    /// <summary><c>admin.enabled</c>: serve the admin UI and its endpoints. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary><c>admin.handler_prefix</c>: path prefix of the admin UI. Default empty (root).</summary>
    public string HandlerPrefix { get; set; } = "";

    /// <summary><c>admin.password</c>: password to log in to the admin UI. Default empty.</summary>
    public string Password { get; set; } = "";

    /// <summary><c>admin.secret</c>: secret that signs admin session tokens. Default empty.</summary>
    public string Secret { get; set; } = "";

    /// <summary><c>admin.insecure</c>: no admin authentication (protect the endpoint by other means). Default false.</summary>
    public bool Insecure { get; set; }

    /// <summary><c>admin.web_path</c>: directory of a custom admin web application. Default empty (embedded UI).</summary>
    public string WebPath { get; set; } = "";

    /// <summary><c>admin.web_proxy_address</c>: address of an admin web application to proxy to (UI development). Default empty.</summary>
    public string WebProxyAddress { get; set; } = "";

    /// <summary><c>admin.external</c>: serve the admin UI on the external port. Default false.</summary>
    public bool External { get; set; }
}
