using System.Text.Encodings.Web;
using System.Text.Json;

namespace K8sRelay.Protocol.Codecs.Json;

/// <summary>
/// Pre-encoded JSON property names of the client protocol: the proto snake_case field names.
/// </summary>
internal static class JsonNames
{
    /// <summary>
    /// Escaping used for every string the server writes. It leaves non-ASCII text and HTML-sensitive
    /// characters as they are (the output is never embedded in HTML) but still escapes quotes,
    /// backslashes and control characters, so a written string never contains a raw newline.
    /// </summary>
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static readonly JsonEncodedText Asc = Name("asc");
    public static readonly JsonEncodedText ChanInfo = Name("chan_info");
    public static readonly JsonEncodedText Channel = Name("channel");
    public static readonly JsonEncodedText Client = Name("client");
    public static readonly JsonEncodedText Cmp = Name("cmp");
    public static readonly JsonEncodedText Code = Name("code");
    public static readonly JsonEncodedText ConnInfo = Name("conn_info");
    public static readonly JsonEncodedText Connect = Name("connect");
    public static readonly JsonEncodedText Cursor = Name("cursor");
    public static readonly JsonEncodedText Data = Name("data");
    public static readonly JsonEncodedText Delta = Name("delta");
    public static readonly JsonEncodedText Dict = Name("dict");
    public static readonly JsonEncodedText Disconnect = Name("disconnect");
    public static readonly JsonEncodedText Epoch = Name("epoch");
    public static readonly JsonEncodedText Error = Name("error");
    public static readonly JsonEncodedText Expires = Name("expires");
    public static readonly JsonEncodedText Flag = Name("flag");
    public static readonly JsonEncodedText Headers = Name("headers");
    public static readonly JsonEncodedText History = Name("history");
    public static readonly JsonEncodedText Id = Name("id");
    public static readonly JsonEncodedText Info = Name("info");
    public static readonly JsonEncodedText Join = Name("join");
    public static readonly JsonEncodedText JoinLeave = Name("join_leave");
    public static readonly JsonEncodedText Key = Name("key");
    public static readonly JsonEncodedText Leave = Name("leave");
    public static readonly JsonEncodedText Limit = Name("limit");
    public static readonly JsonEncodedText Message = Name("message");
    public static readonly JsonEncodedText Method = Name("method");
    public static readonly JsonEncodedText NameField = Name("name");
    public static readonly JsonEncodedText Node = Name("node");
    public static readonly JsonEncodedText Nodes = Name("nodes");
    public static readonly JsonEncodedText NumClients = Name("num_clients");
    public static readonly JsonEncodedText NumUsers = Name("num_users");
    public static readonly JsonEncodedText Offset = Name("offset");
    public static readonly JsonEncodedText Op = Name("op");
    public static readonly JsonEncodedText Phase = Name("phase");
    public static readonly JsonEncodedText Ping = Name("ping");
    public static readonly JsonEncodedText Pong = Name("pong");
    public static readonly JsonEncodedText Positioned = Name("positioned");
    public static readonly JsonEncodedText Presence = Name("presence");
    public static readonly JsonEncodedText PresenceStats = Name("presence_stats");
    public static readonly JsonEncodedText PrevData = Name("prev_data");
    public static readonly JsonEncodedText Profile = Name("profile");
    public static readonly JsonEncodedText Pub = Name("pub");
    public static readonly JsonEncodedText Publications = Name("publications");
    public static readonly JsonEncodedText Publish = Name("publish");
    public static readonly JsonEncodedText Push = Name("push");
    public static readonly JsonEncodedText Reason = Name("reason");
    public static readonly JsonEncodedText Reconnect = Name("reconnect");
    public static readonly JsonEncodedText Recover = Name("recover");
    public static readonly JsonEncodedText Recoverable = Name("recoverable");
    public static readonly JsonEncodedText Recovered = Name("recovered");
    public static readonly JsonEncodedText Refresh = Name("refresh");
    public static readonly JsonEncodedText Removed = Name("removed");
    public static readonly JsonEncodedText Reverse = Name("reverse");
    public static readonly JsonEncodedText Rpc = Name("rpc");
    public static readonly JsonEncodedText Score = Name("score");
    public static readonly JsonEncodedText Send = Name("send");
    public static readonly JsonEncodedText Session = Name("session");
    public static readonly JsonEncodedText Since = Name("since");
    public static readonly JsonEncodedText SubRefresh = Name("sub_refresh");
    public static readonly JsonEncodedText Subs = Name("subs");
    public static readonly JsonEncodedText Subscribe = Name("subscribe");
    public static readonly JsonEncodedText Tags = Name("tags");
    public static readonly JsonEncodedText Temporary = Name("temporary");
    public static readonly JsonEncodedText Tf = Name("tf");
    public static readonly JsonEncodedText Time = Name("time");
    public static readonly JsonEncodedText Token = Name("token");
    public static readonly JsonEncodedText Ttl = Name("ttl");
    public static readonly JsonEncodedText Type = Name("type");
    public static readonly JsonEncodedText Unsubscribe = Name("unsubscribe");
    public static readonly JsonEncodedText User = Name("user");
    public static readonly JsonEncodedText Val = Name("val");
    public static readonly JsonEncodedText Vals = Name("vals");
    public static readonly JsonEncodedText Version = Name("version");
    public static readonly JsonEncodedText WasRecovering = Name("was_recovering");

    private static JsonEncodedText Name(string name) => JsonEncodedText.Encode(name, Encoder);
}
