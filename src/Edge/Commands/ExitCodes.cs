namespace Edge.Commands;

/// <summary>interfaces.md: 0 success, 1 a runtime failure, 2 bad usage or an invalid configuration.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Invalid = 2;
}
