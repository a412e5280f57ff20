/** A form body as FormData; a body that is not a form reads as an empty form (validation then says what is missing). */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    return new FormData();
  }
}
