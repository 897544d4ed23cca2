using System;
using System.IO;

namespace StaticKeras.Saving;

/// <summary>
/// A model or weights file that cannot be read as what it claims to be: truncated, corrupted, of an
/// unsupported layout, or not matching what the caller expects. The message names the file, the object
/// inside it (an HDF5 path such as <c>layers/dense/vars/0</c>) and what was expected.
/// </summary>
/// <remarks>
/// Every failure to parse or validate a file surfaces as this one type, so callers catch one exception
/// and never see an index or overflow error from deep inside the reader.
/// </remarks>
#if STATICKERAS_MODELING
internal sealed class ModelFileException : IOException
#else
public sealed class ModelFileException : IOException
#endif
{
    /// <summary>Creates the exception for <paramref name="filePath"/>, the object <paramref name="objectPath"/> and the problem found.</summary>
    /// <param name="filePath">The file (or archive member) being read or written.</param>
    /// <param name="objectPath">The object inside the file, <c>/</c> for the file itself.</param>
    /// <param name="problem">What was found and what was expected.</param>
    /// <param name="innerException">The low-level error that revealed the problem, if any.</param>
    public ModelFileException(string filePath, string objectPath, string problem, Exception? innerException = null)
        : base(filePath + ": " + (objectPath.Length == 0 ? "/" : objectPath) + ": " + problem, innerException)
    {
        FilePath = filePath;
        ObjectPath = objectPath.Length == 0 ? "/" : objectPath;
        Problem = problem;
    }

    /// <summary>The file (or archive member) the problem is in.</summary>
    public string FilePath { get; }

    /// <summary>The object inside the file: an HDF5 path such as <c>layers/dense/vars/0</c>, or <c>/</c>.</summary>
    public string ObjectPath { get; }

    /// <summary>What was found and what was expected, without the file and object names.</summary>
    public string Problem { get; }
}
