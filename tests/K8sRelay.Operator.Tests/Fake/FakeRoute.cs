using System.Net;

namespace K8sRelay.Operator.Tests.Fake;

/// <summary>A parsed API path: /api/v1/... or /apis/group/version/..., optional namespace, plural, name and subresource.</summary>
public sealed record FakeRoute(FakeKind Kind, string? Namespace, string? Name, string? Subresource)
{
    /// <summary>Parses a request path.</summary>
    /// <exception cref="FakeApiException">404 for unknown paths or kinds.</exception>
    public static FakeRoute Parse(string path)
    {
        var parts = path.Trim('/').Split('/');
        int i;
        string group;
        if (parts is ["api", _, ..])
        {
            group = "";
            i = 2;
        }
        else if (parts is ["apis", _, _, ..])
        {
            group = parts[1];
            i = 3;
        }
        else
        {
            throw new FakeApiException(HttpStatusCode.NotFound, "NotFound", $"the server could not find the requested resource {path}");
        }

        string? ns = null;
        if (parts.Length > i + 2 && parts[i] == "namespaces")
        {
            ns = parts[i + 1];
            i += 2;
        }

        if (parts.Length <= i)
        {
            throw new FakeApiException(HttpStatusCode.NotFound, "NotFound", $"no resource in {path}");
        }

        var kind = FakeKinds.Find(group, parts[i])
            ?? throw new FakeApiException(HttpStatusCode.NotFound, "NotFound", $"the server could not find the requested resource {path}");
        var name = parts.Length > i + 1 ? parts[i + 1] : null;
        var subresource = parts.Length > i + 2 ? parts[i + 2] : null;
        return new FakeRoute(kind, ns, name, subresource);
    }
}
