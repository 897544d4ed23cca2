using System.Text;
using StaticKeras.Saving.Hdf5;

namespace StaticKeras.Saving.Tests;

/// <summary>The checksums equal their references: Jenkins' published lookup3 values and HDF5's scalar Fletcher-32 loop.</summary>
public sealed class ChecksumTests
{
    [Fact]
    public void Lookup3_gives_the_values_published_with_lookup3_c()
    {
        // lookup3.c's driver5: hashlittle("", 0) and hashlittle("Four score and seven years ago", 0).
        Assert.Equal(0xdeadbeefu, H5Checksum.Lookup3([]));
        Assert.Equal(0x17770551u, H5Checksum.Lookup3(Encoding.ASCII.GetBytes("Four score and seven years ago")));
    }

    [Fact]
    public void The_vector_Fletcher32_equals_HDF5s_scalar_loop_for_every_length_and_content()
    {
        var random = new Random(3);
        foreach (int length in new[] { 0, 1, 2, 719, 720, 721, 1440, 5000, 65536, 100_001 }.Concat(Enumerable.Range(0, 40).Select(_ => random.Next(1, 20_000))))
        {
            byte[] data = new byte[length];
            random.NextBytes(data);
            Assert.Equal(H5Checksum.Fletcher32Scalar(data), H5Checksum.Fletcher32(data));
            Array.Fill(data, (byte)0xff); // the sums' largest values: the reductions must match too
            Assert.Equal(H5Checksum.Fletcher32Scalar(data), H5Checksum.Fletcher32(data));
        }
    }

    [Fact]
    public void Fletcher32_of_the_bytes_1_to_4_is_the_hand_computed_value()
    {
        // Words 0x0102, 0x0304: sum1 = 0x0406, sum2 = 0x0102 + 0x0406 = 0x0508.
        Assert.Equal(0x05080406u, H5Checksum.Fletcher32([1, 2, 3, 4]));
    }

    [Fact]
    public void Adler32_of_Wikipedia_is_the_published_value()
    {
        Assert.Equal(0x11E60398u, H5Checksum.Adler32(Encoding.ASCII.GetBytes("Wikipedia")));
    }
}
