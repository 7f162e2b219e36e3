using System.Net;
using System.Net.Sockets;

namespace Ent77.TestSupport.Hosting;

/// <summary>A free TCP port on loopback: asked of the system, then released for the server that binds it.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
