using System.Net;
using System.Net.Sockets;

namespace SchemaLint.Cli.Tests.Infrastructure;

/// <summary>Loopback ports that misbehave as database servers do: nobody listening, or a listener that never answers.</summary>
internal static class LoopbackEndpoints
{
    /// <summary>A port that was free a moment ago, so connecting to it is refused.</summary>
    public static int UnusedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Accepts connections (the backlog does, without Accept) and never says a word: a server that hangs.</summary>
    public static TcpListener Silent()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return listener;
    }

    public static int Port(this TcpListener listener) => ((IPEndPoint)listener.LocalEndpoint).Port;
}
