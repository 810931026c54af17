/** One file of an edition, with its name inside the edition folder (what every writer returns). */
export interface OutputFile {
  name: string;
  data: string | Uint8Array;
}
