using K8sRelay.Protocol.Messages;

namespace K8sRelay.Protocol.Tests;

public sealed class ProtoSchemaTests
{
    [Fact]
    public void Reply_RpcResult_UsesFieldThirteen()
    {
        // Field numbers are a wire contract with the SDKs (centrifuge-js encodes rpc as field 13).
        var descriptor = Reply.Descriptor.FindFieldByName("rpc");
        Assert.Equal(13, descriptor.FieldNumber);
    }
}
