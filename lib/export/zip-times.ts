/**
 * Pins every entry's modification time in a zip file (local headers and central directory) to one instant, so the
 * same content always gives the same bytes. Zip writers stamp entries with the current time; an XLSX is a zip.
 * Entries are found through the central directory, never by scanning compressed data. Zip64 files are left alone.
 */
export function pinZipTimes(zip: Buffer, at: Date): Buffer {
  const eocd = findEndOfCentralDirectory(zip);
  if (eocd < 0) return zip;
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  if (p === 0xffffffff) return zip;
  const { time, date } = dosDateTime(at);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) break;
    zip.writeUInt16LE(time, p + 12);
    zip.writeUInt16LE(date, p + 14);
    const local = zip.readUInt32LE(p + 42);
    if (zip.readUInt32LE(local) === 0x04034b50) {
      zip.writeUInt16LE(time, local + 10);
      zip.writeUInt16LE(date, local + 12);
    }
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return zip;
}

function findEndOfCentralDirectory(zip: Buffer): number {
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}

/** MS-DOS date and time (2-second resolution), in UTC so the bytes do not depend on the server's time zone. */
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.min(Math.max(at.getUTCFullYear(), 1980), 2107);
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}
