// "Who is where now" on a map drawn in plain SVG (no tile server: PORA runs offline): the regency outlines of the
// office's area, a circle per property with guests now (sized by their number), and the guests of the property one
// clicks. Properties without a map pin are listed under the map.
import { Anchor, Badge, Grid, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StayMap, StayMapProperty } from '../../../../contracts/stay-map';
import { ErrorAlert } from '../../../components/error-alert';
import { useFormat } from '../../../lib/use-format';
import { useStayMap } from '../api/use-stay-map';
import { useStays } from '../api/use-stays';

const WIDTH = 1000;
const PADDING = 24;

/** Equirectangular projection fitted to the bounding box, longitudes shrunk by cos(latitude) (fine at this scale). */
function projectionOf(map: StayMap, focus: string | null) {
  let [minLon, minLat, maxLon, maxLat] = [180, 90, -180, -90];
  const extend = (lon: number, lat: number) => {
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
  };
  const focused = map.regions.filter((r) => r.code === focus);
  for (const region of focused.length > 0 ? focused : map.regions) {
    for (const ring of region.rings) {
      for (const [lon, lat] of ring) {
        extend(lon, lat);
      }
    }
  }
  for (const p of map.properties) {
    if (focused.length === 0 && p.latitude !== null && p.longitude !== null) {
      extend(p.longitude, p.latitude);
    }
  }
  if (minLon > maxLon) {
    return null;
  }
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * kx, 0.05);
  const spanY = Math.max(maxLat - minLat, 0.05);
  const scale = (WIDTH - 2 * PADDING) / spanX;
  const height = Math.round(spanY * scale + 2 * PADDING);
  const project = (lon: number, lat: number): [number, number] => [
    PADDING + (lon - minLon) * kx * scale,
    PADDING + (maxLat - lat) * scale,
  ];
  return { project, height };
}

const shortRegencyName = (name: string) => name.replace(/^Kabupaten\s+/i, 'Kab. ');

function PropertyGuests({ property }: { property: StayMapProperty }) {
  const { t } = useTranslation('stays');
  const format = useFormat();
  const stays = useStays({ status: 'open', accommodationId: property.id, limit: 100, offset: 0 });
  return (
    <Stack gap="xs" data-testid="map-property-guests">
      <div>
        <Title order={4}>{property.name}</Title>
        <Text size="sm" c="dimmed">
          {property.villageLabel} · {t('map.guests', { count: property.guestCount })}
        </Text>
      </div>
      <ErrorAlert error={stays.error} />
      {stays.data?.items.map((s) => (
        <Paper key={s.id} withBorder p="xs" radius="sm">
          <Anchor component={Link} to={`/register/${s.personId}`} fw={600} size="sm">
            {s.guest.surname} {s.guest.givenNames}
          </Anchor>
          <Text size="xs" c="dimmed">
            {s.guest.nationality} · {s.guest.document.number}
            {s.room ? ` · ${t('form.room')} ${s.room}` : ''}
          </Text>
          <Group gap={4}>
            <Text size="xs">
              {format.dateTime(s.arrivedAt)} → {format.date(s.expectedCheckOut)}
            </Text>
            {s.isLate && (
              <Badge size="xs" color="orange">
                {t('late')}
              </Badge>
            )}
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

export function StaysMap() {
  const { t } = useTranslation('stays');
  const map = useStayMap();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [focus, setFocus] = useState<string | null>(null);
  const projection = useMemo(() => (map.data ? projectionOf(map.data, focus) : null), [map.data, focus]);
  if (map.error) {
    return <ErrorAlert error={map.error} />;
  }
  if (!map.data) {
    return null;
  }
  const data = map.data;
  const pinned = data.properties.filter((p) => p.latitude !== null && p.longitude !== null);
  const unpinned = data.properties.filter((p) => p.latitude === null || p.longitude === null);
  const selected = data.properties.find((p) => p.id === selectedId) ?? null;
  const maxGuests = Math.max(1, ...data.properties.map((p) => p.guestCount));
  const radiusOf = (n: number) => 6 + 22 * Math.sqrt(n / maxGuests);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" data-testid="map-summary">
          {t('map.summary', { guests: data.guestCount, properties: data.properties.length })}
        </Text>
        <Select
          size="xs"
          w={260}
          aria-label={t('map.zoom')}
          placeholder={t('map.zoomAll')}
          description={t('map.zoomHint')}
          clearable
          value={focus}
          onChange={setFocus}
          data={data.regions.map((r) => ({ value: r.code, label: r.name }))}
        />
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Paper withBorder radius="md" p={0} style={{ overflow: 'hidden' }}>
            {projection ? (
              <svg
                viewBox={`0 0 ${WIDTH} ${projection.height}`}
                width="100%"
                role="img"
                aria-label={t('map.title')}
                style={{ display: 'block', background: '#eef4f8' }}
                data-testid="stays-map"
              >
                {data.regions.map((region) => (
                  // biome-ignore lint/a11y/noStaticElementInteractions: a mouse shortcut for the zoom select above
                  <path
                    key={region.code}
                    d={region.rings
                      .map(
                        (ring) =>
                          `M${ring
                            .map(([lon, lat]) =>
                              projection
                                .project(lon, lat)
                                .map((v) => v.toFixed(1))
                                .join(','),
                            )
                            .join('L')}Z`,
                      )
                      .join('')}
                    fill={region.code === focus ? '#fffdf2' : '#fbfaf5'}
                    stroke="#8a9bab"
                    strokeWidth={1}
                    onClick={() => setFocus(region.code === focus ? null : region.code)}
                    style={{ cursor: 'zoom-in' }}
                  >
                    <title>{region.name}</title>
                  </path>
                ))}
                {data.regions.map((region) => {
                  const [x, y] = projection.project(region.center[0], region.center[1]);
                  return (
                    <text
                      key={region.code}
                      x={x}
                      y={y}
                      textAnchor="middle"
                      fontSize={14}
                      fill="#5c6b7a"
                      style={{ pointerEvents: 'none', userSelect: 'none' }}
                    >
                      {shortRegencyName(region.name)}
                    </text>
                  );
                })}
                {pinned
                  .slice()
                  .sort((a, b) => b.guestCount - a.guestCount)
                  .map((p) => {
                    const [x, y] = projection.project(p.longitude as number, p.latitude as number);
                    const isSelected = p.id === selectedId;
                    return (
                      // biome-ignore lint/a11y/useSemanticElements: an SVG circle cannot be a <button>
                      <g
                        key={p.id}
                        role="button"
                        tabIndex={0}
                        aria-label={`${p.name}: ${t('map.guests', { count: p.guestCount })}`}
                        onClick={() => setSelectedId(p.id)}
                        onKeyDown={(e) => {
                          if (e.key === 'Enter' || e.key === ' ') {
                            setSelectedId(p.id);
                          }
                        }}
                        style={{ cursor: 'pointer' }}
                        data-testid="map-property"
                      >
                        <circle
                          cx={x}
                          cy={y}
                          r={radiusOf(p.guestCount)}
                          fill={isSelected ? '#c2410c' : '#1a4f8b'}
                          fillOpacity={0.7}
                          stroke="#fff"
                          strokeWidth={2}
                        />
                        <text
                          x={x}
                          y={y + 4}
                          textAnchor="middle"
                          fontSize={12}
                          fontWeight={700}
                          fill="#fff"
                          style={{ pointerEvents: 'none' }}
                        >
                          {p.guestCount}
                        </text>
                        <title>{`${p.name} — ${t('map.guests', { count: p.guestCount })}`}</title>
                      </g>
                    );
                  })}
              </svg>
            ) : (
              <Text p="md" c="dimmed">
                {t('map.empty')}
              </Text>
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Paper withBorder radius="md" p="md">
            {selected ? <PropertyGuests property={selected} /> : <Text c="dimmed">{t('map.pick')}</Text>}
          </Paper>
        </Grid.Col>
      </Grid>
      {unpinned.length > 0 && (
        <Stack gap={4} data-testid="map-unpinned">
          <Text size="sm" fw={600}>
            {t('map.unpinned')}
          </Text>
          <Group gap="xs">
            {unpinned.map((p) => (
              <Anchor key={p.id} component="button" size="sm" onClick={() => setSelectedId(p.id)}>
                {p.name} ({p.guestCount})
              </Anchor>
            ))}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
