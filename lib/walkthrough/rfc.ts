/** A link to a section of an RFC, labelled as the pages cite it: "RFC 6749 §4.1.1". */
export const rfcSection = (rfc: number, section: string) => ({
  label: `RFC ${rfc} §${section}`,
  href: `https://www.rfc-editor.org/rfc/rfc${rfc}#section-${section}`,
});
