using System.Diagnostics;
using Valence.Nn.Kernels;

namespace Valence.Nn.Tests.Kernels;

/// <summary>
/// Re-runs <see cref="SimdPathCheck"/> in child processes with instruction sets switched off, so that every
/// micro-kernel is tested on one AVX-512 machine: with AVX-512 off the AVX2 kernel runs, with AVX2 off the portable
/// kernel on 4-wide SSE vectors, with all intrinsics off the portable kernel on software vectors.
/// </summary>
public class SimdPathTests
{
    [Fact]
    public void This_process_checks_the_fastest_path()
    {
        var output = new StringWriter();
        Assert.True(SimdPathCheck.Run(output) == 0, output.ToString());
        Assert.StartsWith($"kernel={Gemm.KernelName} ", output.ToString());
    }

    [Theory]
    [InlineData("DOTNET_EnableAVX512", "kernel=avx2 vector=8 accelerated=True")]
    [InlineData("DOTNET_EnableAVX2", "kernel=portable vector=4 accelerated=True")]
    [InlineData("DOTNET_EnableHWIntrinsic", "kernel=portable vector=4 accelerated=False")]
    public async Task Each_kernel_passes_in_a_child_process(string switchName, string expectedPath)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(SimdPathCheck).Assembly.Location);
        start.ArgumentList.Add(SimdPathCheck.Command);
        start.Environment[switchName] = "0";

        using var child = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stderr = child.StandardError.ReadToEndAsync(timeout.Token);
        string stdout = await child.StandardOutput.ReadToEndAsync(timeout.Token);
        await child.WaitForExitAsync(timeout.Token);
        string report = $"exit code {child.ExitCode}\n{stdout}\n{await stderr}";
        Assert.True(child.ExitCode == 0, report);
        Assert.StartsWith(expectedPath, stdout);
    }

    // The dotnet host that runs this process: the CLI passes its path to test hosts in DOTNET_HOST_PATH.
    private static string DotnetHost()
    {
        string? fromCli = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromCli) && File.Exists(fromCli)) return fromCli;
        string? current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet") return current;
        return "dotnet";
    }
}
