using Valence.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops training after the current step (the checkpoint keeps the last epoch); a second one kills.
    e.Cancel = !cancellation.IsCancellationRequested;
    cancellation.Cancel();
};
return ValenceApp.Run(args, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected, cancellation.Token);
