// How an area is written in lists, as the server writes it in labels: "Kab. Lahat", "Kec. Dempo Utara", "Desa …".
export type AreaRef = { code: string; name: string; level: number };

export function areaShortName(area: AreaRef): string {
  switch (area.level) {
    case 2:
      return area.name.replace(/^Kabupaten /, 'Kab. ');
    case 3:
      return `Kec. ${area.name}`;
    case 4:
      return `${area.code.split('.')[3]?.startsWith('1') ? 'Kel.' : 'Desa'} ${area.name}`;
    default:
      return area.name;
  }
}

/** "Desa Muara Siban, Kec. Dempo Utara, Kota Pagar Alam" → ["Desa Muara Siban", "Kec. Dempo Utara, Kota Pagar Alam"] */
export function splitAreaLabel(label: string): [string, string] {
  const comma = label.indexOf(', ');
  return comma < 0 ? [label, ''] : [label.slice(0, comma), label.slice(comma + 2)];
}
