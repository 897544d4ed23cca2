namespace StaticKeras.Saving.Hdf5;

/// <summary>
/// Reads the superblock (format spec section II.A): versions 0 and 1 (h5py's default, every Keras
/// file) and 2 and 3 (checksummed, what our writer writes). Sets the address widths and
/// base address on the source and returns the root group's object header address.
/// </summary>
internal static class H5Superblock
{
    private static readonly byte[] Magic = { 0x89, (byte)'H', (byte)'D', (byte)'F', 0x0d, 0x0a, 0x1a, 0x0a };

    public static long Read(H5Source source)
    {
        long at = FindSignature(source);
        var c = source.At(at, "/", "superblock");
        c.Skip(8);
        byte version = c.U8();
        long root = version switch
        {
            0 or 1 => ReadV0(source, ref c, version, at),
            2 or 3 => ReadV2(source, ref c, at),
            _ => throw c.Fail($"superblock version {version} (expected 0 to 3)"),
        };
        return root;
    }

    // The signature is at 0 or, after a user block, at 512, 1024, 2048, ... (spec II.A).
    private static long FindSignature(H5Source source)
    {
        byte[] d = source.Data;
        for (long at = 0; at + 8 <= d.Length; at = at == 0 ? 512 : at * 2)
        {
            bool match = true;
            for (int i = 0; i < 8 && match; i++)
            {
                match = d[at + i] == Magic[i];
            }

            if (match)
            {
                return at;
            }
        }

        throw source.Error("/", d.Length < 8 ? $"the file holds {d.Length} bytes, too few for an HDF5 signature; it is truncated or empty" : "no HDF5 signature at offset 0, 512, 1024, ...; the file is not HDF5 (or its first bytes are corrupted)");
    }

    private static long ReadV0(H5Source source, ref H5Cursor c, byte version, long at)
    {
        c.Skip(3); // free-space, root symbol table entry and reserved versions
        byte shared = c.U8();
        if (shared != 0)
        {
            throw c.Fail($"shared header message format version {shared} (expected 0)");
        }

        SetSizes(source, ref c, c.U8(), c.U8());
        c.Skip(1 + 2 + 2 + 4); // reserved, group leaf and internal node K, file consistency flags
        if (version == 1)
        {
            c.Skip(2 + 2); // indexed storage internal node K, reserved
        }

        long baseAddress = c.Address();
        c.Address(); // free-space info (always undefined)
        long eof = c.Address();
        c.Address(); // driver information block
        source.BaseAddress = baseAddress; // every other address counts from here (spec II.A)
        CheckEnd(source, ref c, eof);

        // Root group symbol table entry: link name offset, then the object header address.
        c.Length();
        return c.Address();
    }

    private static long ReadV2(H5Source source, ref H5Cursor c, long at)
    {
        SetSizes(source, ref c, c.U8(), c.U8());
        int length = 12 + (4 * source.OffsetSize);
        source.VerifyLookup3(at, length, "/", "superblock");
        c.U8(); // file consistency flags
        long baseAddress = c.Address();
        c.Address(); // superblock extension
        long eof = c.Address();
        long root = c.Address();
        source.BaseAddress = baseAddress;
        CheckEnd(source, ref c, eof);
        return root;
    }

    private static void SetSizes(H5Source source, ref H5Cursor c, byte offsets, byte lengths)
    {
        if ((offsets != 2 && offsets != 4 && offsets != 8) || (lengths != 2 && lengths != 4 && lengths != 8))
        {
            throw c.Fail($"address and length widths of {offsets} and {lengths} bytes (expected 2, 4 or 8)");
        }

        source.OffsetSize = offsets;
        source.LengthSize = lengths;
    }

    // The end-of-file address is how a truncated file shows itself before any structure is read.
    private static void CheckEnd(H5Source source, ref H5Cursor c, long eof)
    {
        if (eof == H5Cursor.Undefined || eof > source.Data.Length - source.BaseAddress)
        {
            throw source.Error("/", $"the superblock says the file ends at byte {eof} but it holds {source.Data.Length - source.BaseAddress}; the file is truncated (an interrupted copy or download?)");
        }
    }
}
