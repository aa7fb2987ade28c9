using Valence.Nn.Tests.Kernels;

namespace Valence.Nn.Tests;

/// <summary>
/// The test assembly's entry point, used only by tests that start it as a child process
/// (<c>dotnet exec Valence.Nn.Tests.dll COMMAND</c>), typically with runtime switches such as
/// <c>DOTNET_EnableAVX2=0</c> that must be set before the runtime starts. The test runner never calls it.
/// </summary>
public static class ChildProcessEntry
{
    /// <summary>Runs the named check and returns 0 when it passed.</summary>
    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case SimdPathCheck.Command:
                return SimdPathCheck.Run(Console.Out);
            default:
                Console.Error.WriteLine($"Unknown command '{args.FirstOrDefault()}'; expected '{SimdPathCheck.Command}'.");
                return 2;
        }
    }
}
