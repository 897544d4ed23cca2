using System;
using System.Buffers.Binary;
using System.Text;

namespace StaticKeras.Onnx;

/// <summary>
/// The protobuf wire format, by hand (https://protobuf.dev/programming-guides/encoding/): a
/// field is a varint tag <c>(number &lt;&lt; 3) | wire type</c>, then a varint (type 0), four
/// little-endian bytes (type 5) or a varint length and that many bytes (type 2: strings, bytes,
/// nested messages). Repeated scalars are written unpacked, one tag per value, which every
/// parser accepts for proto2's <c>repeated int64</c> and <c>repeated float</c>.
/// </summary>
/// <remarks>
/// A nested message is written into its own <see cref="ProtoWriter"/> first, because its length
/// precedes it; ONNX models nest five deep at most, so each weight byte is copied a few times.
/// </remarks>
internal sealed class ProtoWriter
{
    private const int Varint = 0;
    private const int LengthDelimited = 2;
    private const int Fixed32 = 5;

    private byte[] buffer = new byte[256];

    /// <summary>Bytes written so far.</summary>
    public int Length { get; private set; }

    /// <summary>What has been written, as its own array.</summary>
    public byte[] ToArray() => buffer.AsSpan(0, Length).ToArray();

    /// <summary>What has been written, without a copy.</summary>
    public ReadOnlySpan<byte> Written => buffer.AsSpan(0, Length);

    /// <summary>An <c>int32</c>, <c>int64</c> or enum field.</summary>
    public void Int64(int field, long value)
    {
        Tag(field, Varint);
        RawVarint(unchecked((ulong)value));
    }

    /// <summary>A <c>float</c> field.</summary>
    public void Float(int field, float value)
    {
        Tag(field, Fixed32);
        BinaryPrimitives.WriteSingleLittleEndian(Reserve(4), value);
    }

    /// <summary>A <c>string</c> field, UTF-8.</summary>
    public void String(int field, string value)
    {
        Tag(field, LengthDelimited);
        int byteCount = Encoding.UTF8.GetByteCount(value);
        RawVarint((ulong)byteCount);
        Encoding.UTF8.GetBytes(value, Reserve(byteCount));
    }

    /// <summary>A <c>bytes</c> field or a nested message already written.</summary>
    public void Bytes(int field, ReadOnlySpan<byte> value)
    {
        Tag(field, LengthDelimited);
        RawVarint((ulong)value.Length);
        value.CopyTo(Reserve(value.Length));
    }

    /// <summary>A nested message, written by <paramref name="write"/>.</summary>
    public void Message<TState>(int field, TState state, Action<ProtoWriter, TState> write)
    {
        var nested = new ProtoWriter();
        write(nested, state);
        Bytes(field, nested.Written);
    }

    /// <summary>A <c>bytes</c> field holding floats as little-endian IEEE 754 (ONNX's <c>raw_data</c>).</summary>
    public void FloatsAsBytes(int field, ReadOnlySpan<float> values)
    {
        Tag(field, LengthDelimited);
        RawVarint((ulong)values.Length * sizeof(float));
        Span<byte> target = Reserve(values.Length * sizeof(float));
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(target.Slice(i * sizeof(float)), values[i]);
        }
    }

    /// <summary>A <c>bytes</c> field holding int64s as little-endian two's complement (ONNX's <c>raw_data</c>).</summary>
    public void Int64sAsBytes(int field, ReadOnlySpan<long> values)
    {
        Tag(field, LengthDelimited);
        RawVarint((ulong)values.Length * sizeof(long));
        Span<byte> target = Reserve(values.Length * sizeof(long));
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(target.Slice(i * sizeof(long)), values[i]);
        }
    }

    /// <summary>Seven bits at a time, low first, the high bit set on every byte but the last.</summary>
    internal void RawVarint(ulong value)
    {
        while (value >= 0x80)
        {
            Reserve(1)[0] = (byte)(value | 0x80);
            value >>= 7;
        }

        Reserve(1)[0] = (byte)value;
    }

    private void Tag(int field, int wireType) => RawVarint(((ulong)(uint)field << 3) | (uint)wireType);

    private Span<byte> Reserve(int count)
    {
        if (Length + count > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(buffer.Length * 2, Length + count));
        }

        Span<byte> span = buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }
}
