import pino, { type Logger } from 'pino'

// Personal data and credentials never reach the logs.
const redact = [
  'req.headers.authorization', 'req.headers.cookie', 'headers.authorization',
  '*.token', '*.password', '*.oldPassword', '*.newPassword', '*.phone', '*.contactPhone', '*.idNumber', '*.code',
  'token', 'password', 'phone', 'contactPhone', 'idNumber', 'sessionKey', '*.sessionKey', 'session_key', '*.session_key',
]

export function createLogger (level: string, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: redact, censor: '[已隐藏]' }, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, destination)
}
export type { Logger }
