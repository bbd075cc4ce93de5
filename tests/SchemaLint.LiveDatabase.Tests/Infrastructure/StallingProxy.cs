using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace SchemaLint.LiveDatabase.Tests.Infrastructure;

/// <summary>
/// A loopback TCP proxy to the real server. It holds the server's first reply for <c>firstReplyDelay</c> (a slow
/// handshake); once the client sends a statement containing <c>marker</c>, it goes silent: nothing more is forwarded either
/// way, and later connections (such as a cancel request) are accepted and never answered. A server hung after the
/// handshake, as the client sees it.
/// </summary>
public sealed class StallingProxy : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly byte[]? _marker;
    private readonly TimeSpan _firstReplyDelay;
    private readonly string _serverHost;
    private readonly int _serverPort;
    private readonly ConcurrentBag<TcpClient> _sockets = new();
    private readonly CancellationTokenSource _stopping = new();
    private volatile bool _stalled;

    public StallingProxy(string connectionString, string? marker, TimeSpan firstReplyDelay = default)
    {
        _firstReplyDelay = firstReplyDelay;
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        _serverHost = target.Host!;
        _serverPort = target.Port;
        _marker = marker is null ? null : Encoding.UTF8.GetBytes(marker);
        _listener.Start();
        var port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        ConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = port, Pooling = false }.ConnectionString;
        _ = AcceptAsync();
    }

    public string ConnectionString { get; }

    /// <summary>The client got past the handshake and sent the marked statement.</summary>
    public bool Stalled => _stalled;

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _sockets.Add(client);
            if (_stalled) continue;
            var server = new TcpClient();
            _sockets.Add(server);
            try
            {
                await server.ConnectAsync(_serverHost, _serverPort, _stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException)
            {
                return;
            }

            _ = PumpAsync(client.GetStream(), server.GetStream(), watch: true, firstDelay: TimeSpan.Zero);
            _ = PumpAsync(server.GetStream(), client.GetStream(), watch: false, firstDelay: _firstReplyDelay);
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool watch, TimeSpan firstDelay)
    {
        var buffer = new byte[16384];
        var tail = Array.Empty<byte>();
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, _stopping.Token);
                if (read == 0) return;
                if (firstDelay > TimeSpan.Zero)
                {
                    await Task.Delay(firstDelay, _stopping.Token);
                    firstDelay = TimeSpan.Zero;
                }

                if (watch && _marker is not null && !_stalled)
                {
                    // Keep the end of the previous chunk, so a marker split between two reads is still seen.
                    var seen = tail.Concat(buffer.Take(read)).ToArray();
                    if (seen.AsSpan().IndexOf(_marker) >= 0) _stalled = true;
                    tail = seen.Skip(Math.Max(0, seen.Length - _marker.Length)).ToArray();
                }

                if (_stalled) continue;
                await to.WriteAsync(buffer.AsMemory(0, read), _stopping.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or SocketException)
        {
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Stop();
        foreach (var socket in _sockets) socket.Dispose();
    }
}
