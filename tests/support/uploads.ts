// Multipart uploads over real HTTP, and small real files (a 1×1 PNG, a JPEG header, a PDF) for upload tests.
export const PNG_1PX = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')
export const PDF_MIN = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

/** A PNG of about `bytes` bytes (valid signature, padded): enough for type sniffing and size checks. */
export const pngOfSize = (bytes: number): Buffer => Buffer.concat([PNG_1PX, Buffer.alloc(Math.max(0, bytes - PNG_1PX.length))])

export interface ErrorBody { error: { code: string; message: string; details?: unknown } }

export interface UploadAnswer { status: number; body: { id?: string; url?: string; mime?: string; size?: number; error?: { code: string; message: string; details?: unknown } }; headers: Headers }

export async function upload (baseUrl: string, token: string | null, bytes: Buffer, filename = 'photo.png', type = 'image/png', field = 'file'): Promise<UploadAnswer> {
  const form = new FormData()
  form.append(field, new Blob([new Uint8Array(bytes)], { type }), filename)
  const r = await fetch(`${baseUrl}/api/v1/uploads`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} })
  return { status: r.status, body: await r.json() as UploadAnswer['body'], headers: r.headers }
}

/** Uploads a PNG and returns its id (fails the test otherwise). */
export async function uploadPng (baseUrl: string, token: string): Promise<string> {
  const r = await upload(baseUrl, token, PNG_1PX)
  if (r.status !== 201 || !r.body.id) throw new Error(`upload failed: ${r.status} ${JSON.stringify(r.body)}`)
  return r.body.id
}
