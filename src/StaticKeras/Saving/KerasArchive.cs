using System;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using StaticKeras.Saving.Json;

namespace StaticKeras.Saving;

/// <summary>
/// A Keras 3 <c>.keras</c> archive (keras/src/saving/saving_lib.py, <c>save_model</c>): a zip of
/// <c>metadata.json</c> (<c>keras_version</c>, <c>date_saved</c>), <c>config.json</c> (the model's
/// serialized config) and <c>model.weights.h5</c>, stored uncompressed as Keras writes them.
/// </summary>
public sealed class KerasArchive
{
    /// <summary>The Keras version written into <c>metadata.json</c> unless another is given.</summary>
    public const string DefaultKerasVersion = "3.10.0";

    private const string ConfigEntry = "config.json";
    private const string MetadataEntry = "metadata.json";
    private const string WeightsEntry = "model.weights.h5";

    /// <summary>Creates an archive's contents.</summary>
    /// <param name="configJson">The model config: <c>{"module": ..., "class_name": ..., "config": ..., "build_config": ..., "compile_config": ...}</c>.</param>
    /// <param name="weights">The weights (<c>model.weights.h5</c>).</param>
    /// <param name="metadataJson">The metadata JSON, or null to write <see cref="DefaultKerasVersion"/> and the current time.</param>
    public KerasArchive(string configJson, KerasWeights weights, string? metadataJson = null)
    {
        ArgumentNullException.ThrowIfNull(configJson);
        ArgumentNullException.ThrowIfNull(weights);
        ConfigJson = configJson;
        Weights = weights;
        MetadataJson = metadataJson ?? Metadata(DefaultKerasVersion, DateTime.Now);
    }

    /// <summary>The text of <c>config.json</c>.</summary>
    public string ConfigJson { get; }

    /// <summary>The text of <c>metadata.json</c>.</summary>
    public string MetadataJson { get; }

    /// <summary>The contents of <c>model.weights.h5</c>.</summary>
    public KerasWeights Weights { get; }

    /// <summary>The <c>keras_version</c> in <see cref="MetadataJson"/>, or null when it has none.</summary>
    public string? KerasVersion
    {
        get
        {
            JsonValue? version = JsonReader.Parse(MetadataJson, "(archive)", MetadataEntry)["keras_version"];
            return version?.Kind == JsonKind.String ? version.Text : null;
        }
    }

    /// <summary>Keras's <c>metadata.json</c> text for <paramref name="kerasVersion"/>, saved at <paramref name="saved"/>.</summary>
    public static string Metadata(string kerasVersion, DateTime saved)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("keras_version", kerasVersion);
            json.WriteString("date_saved", saved.ToString("yyyy-MM-dd@HH:mm:ss", CultureInfo.InvariantCulture));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads and validates an archive: the three members, JSON that parses, and the weights file.</summary>
    /// <exception cref="ModelFileException">The archive is truncated, corrupted or lacks a member; names it.</exception>
    public static KerasArchive Read(string path) => Read(FileBytes.ReadAll(path), Path.GetFileName(path));

    /// <summary>Reads an archive held in memory; <paramref name="name"/> names it in errors.</summary>
    public static KerasArchive Read(byte[] data, string name)
    {
        ArgumentNullException.ThrowIfNull(data);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(data, writable: false), ZipArchiveMode.Read);
            string config = Json(name, ConfigEntry, Member(zip, name, ConfigEntry));
            string metadata = Json(name, MetadataEntry, Member(zip, name, MetadataEntry));
            KerasWeights weights = KerasWeightsFile.Read(Member(zip, name, WeightsEntry), name + "/" + WeightsEntry);
            return new KerasArchive(config, weights, metadata);
        }
        catch (InvalidDataException e)
        {
            throw new ModelFileException(name, "/", "is not a readable zip archive (" + e.Message + "); the file is truncated or corrupted", e);
        }
    }

    /// <summary>Writes the archive to <paramref name="path"/> atomically (a crash mid-write leaves the old file intact).</summary>
    public void Write(string path) => AtomicFile.Write(path, Write);

    /// <summary>Writes the archive into <paramref name="stream"/>.</summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var weights = new MemoryStream();
        KerasWeightsFile.Write(weights, Weights);
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        Add(zip, MetadataEntry, Encoding.UTF8.GetBytes(MetadataJson));
        Add(zip, ConfigEntry, Encoding.UTF8.GetBytes(ConfigJson));
        Add(zip, WeightsEntry, weights.ToArray());
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        // Keras stores members uncompressed (zipfile's default ZIP_STORED); NoCompression writes "stored".
        ZipArchiveEntry entry = zip.CreateEntry(name, CompressionLevel.NoCompression);
        using Stream s = entry.Open();
        s.Write(content);
    }

    private static byte[] Member(ZipArchive zip, string name, string member)
    {
        ZipArchiveEntry entry = zip.GetEntry(member) ?? throw new ModelFileException(name, member, $"is missing; a .keras archive holds {MetadataEntry}, {ConfigEntry} and {WeightsEntry}");
        if (entry.Length > int.MaxValue)
        {
            throw new ModelFileException(name, member, $"declares {entry.Length} bytes, more than one .NET array holds");
        }

        using Stream s = entry.Open();
        var content = new byte[entry.Length];
        int total = 0, read;
        while (total < content.Length && (read = s.Read(content, total, content.Length - total)) > 0)
        {
            total += read;
        }

        if (total != content.Length || s.ReadByte() >= 0)
        {
            throw new ModelFileException(name, member, $"holds a different number of bytes than the {entry.Length} its zip entry declares; the archive is corrupted");
        }

        uint crc = ZipCrc32.Compute(content);
        if (crc != entry.Crc32)
        {
            throw new ModelFileException(name, member, $"fails its zip CRC-32 (stored 0x{entry.Crc32:x8}, computed 0x{crc:x8}); the archive is corrupted");
        }

        return content;
    }

    private static string Json(string name, string member, byte[] content)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
        }
        catch (DecoderFallbackException e)
        {
            throw new ModelFileException(name, member, "is not valid UTF-8; the archive is corrupted", e);
        }

        JsonReader.Parse(text, name, member);
        return text;
    }
}
