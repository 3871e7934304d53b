using K8sRelay.Configuration.Model;
using K8sRelay.Core.Clients;
using K8sRelay.Protocol;
using K8sRelay.Server.Transports.Http;

namespace K8sRelay.Server.Tests.Transports;

/// <summary>How failed unidirectional connects map to disconnects and HTTP responses.</summary>
public sealed class UnidirectionalFailuresTests
{
    [Theory]
    [InlineData(109u, 3005u)]
    [InlineData(110u, 3005u)]
    [InlineData(111u, 3013u)]
    [InlineData(103u, 3507u)]
    [InlineData(100u, 3004u)]
    [InlineData(107u, 3004u)]
    public void ErrorCodes_MapToCentrifugoDefaults(uint error, uint disconnect)
    {
        var reason = UnidirectionalFailures.ToDisconnect(new ConnectFailure(error, "x", IsDisconnect: false), new ClientConfig());

        Assert.Equal(disconnect, reason.Code);
    }

    [Fact]
    public void Disconnects_KeepTheirCode()
    {
        var reason = UnidirectionalFailures.ToDisconnect(new ConnectFailure(3500, "invalid token", IsDisconnect: true), new ClientConfig());

        Assert.Equal(DisconnectReason.InvalidToken, reason);
    }

    [Fact]
    public void Transforms_WinOverDefaultsOnlyWhenEnabled()
    {
        var client = new ClientConfig();
        client.ConnectCodeToUnidirectionalDisconnect.Transforms.Add(new ConnectCodeToDisconnectTransformConfig
        {
            Code = 103, To = new DisconnectTransformConfig { Code = 4403, Reason = "forbidden" },
        });
        var failure = new ConnectFailure(103, "permission denied", IsDisconnect: false);

        Assert.Equal(3507u, UnidirectionalFailures.ToDisconnect(failure, client).Code);
        client.ConnectCodeToUnidirectionalDisconnect.Enabled = true;
        Assert.Equal(new DisconnectReason(4403, "forbidden"), UnidirectionalFailures.ToDisconnect(failure, client));
    }

    [Fact]
    public void HttpResponse_EmptyBodyUsesMessage_UnknownCodeIs500()
    {
        var config = new ConnectCodeToHttpResponseConfig { Enabled = true };
        config.Transforms.Add(new ConnectCodeToHttpResponseTransformConfig { Code = 109, To = new HttpResponseTransformConfig { StatusCode = 401 } });

        Assert.Equal((401, "token expired"), UnidirectionalFailures.ToHttpResponse(new ConnectFailure(109, "token expired", false), config));
        Assert.Equal((500, "Internal Server Error"), UnidirectionalFailures.ToHttpResponse(new ConnectFailure(3501, "bad request", true), config));
    }
}
