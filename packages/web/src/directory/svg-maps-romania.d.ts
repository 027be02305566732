/** @svg-maps/romania (CC BY 4.0, after MapSVG): one SVG path per county, ids "ro-<ISO 3166-2 suffix>" in lower case. */
declare module '@svg-maps/romania' {
  const map: { label: string; viewBox: string; locations: { id: string; name: string; path: string }[] };
  export default map;
}
