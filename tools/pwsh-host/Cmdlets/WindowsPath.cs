using System;

namespace EflowManager.PwshHost.Cmdlets;

/// <summary>
/// Path arithmetic the Windows way (backslash separators, drive roots like <c>C:\</c>, UNC shares), because the
/// gateway scripts build paths of Windows hosts even when they run here on Linux.
/// </summary>
internal static class WindowsPath
{
    private const char Separator = '\\';

    /// <summary>Joins a parent and a child path with exactly one backslash (forward slashes become backslashes).</summary>
    public static string Join(string parent, string? child)
    {
        string left = Normalize(parent);
        string right = Normalize(child ?? string.Empty).TrimStart(Separator);
        return left.TrimEnd(Separator) + Separator + right;
    }

    /// <summary>The parent folder: <c>C:\a\b</c> → <c>C:\a</c>, <c>C:\a</c> → <c>C:\</c>, a root → empty.</summary>
    public static string Parent(string path)
    {
        string normalized = TrimTrailingSeparators(Normalize(path));
        if (IsRoot(normalized))
        {
            return string.Empty;
        }

        int last = normalized.LastIndexOf(Separator);
        if (last < 0)
        {
            return string.Empty;
        }

        string parent = normalized[..last];
        if (parent.Length == 0)
        {
            return Separator.ToString();
        }

        if (IsDrive(parent))
        {
            return parent + Separator;
        }

        return IsUncPrefix(parent) ? string.Empty : parent;
    }

    /// <summary>The last element: <c>C:\a\b.txt</c> → <c>b.txt</c>.</summary>
    public static string Leaf(string path)
    {
        string normalized = TrimTrailingSeparators(Normalize(path));
        if (IsRoot(normalized))
        {
            return string.Empty;
        }

        int last = normalized.LastIndexOf(Separator);
        return last < 0 ? (IsDrive(normalized) ? string.Empty : normalized) : normalized[(last + 1)..];
    }

    private static string Normalize(string path) => path.Replace('/', Separator);

    private static string TrimTrailingSeparators(string path)
    {
        string trimmed = path.TrimEnd(Separator);
        if (trimmed.Length == 0)
        {
            return path.Length > 0 ? Separator.ToString() : string.Empty;
        }

        return IsDrive(trimmed) && path.Length > trimmed.Length ? trimmed + Separator : trimmed;
    }

    private static bool IsDrive(string path) => path.Length == 2 && path[1] == ':' && char.IsLetter(path[0]);

    private static bool IsRoot(string path) =>
        path == Separator.ToString() || (path.Length == 3 && IsDrive(path[..2]) && path[2] == Separator);

    /// <summary><c>\\server</c>: the part of a UNC path that has no parent of its own.</summary>
    private static bool IsUncPrefix(string path) =>
        path.StartsWith(@"\\", StringComparison.Ordinal) && path.IndexOf(Separator, 2) < 0;
}
