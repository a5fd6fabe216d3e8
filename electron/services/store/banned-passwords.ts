// A small list of passwords nobody may choose (requirements L8, CSP IA-5(1)): the most common passwords
// of public breach corpora, keyboard walks, and words anyone would try first at a police workstation.
// password-policy.ts also strips trailing digits and symbols and undoes common letter swaps before it
// looks here, so "Password1!", "P@ssw0rd" and "Summer2026" are caught by "password" and "summer".
// Lower case. Add to it freely; removing an entry needs a reason.

export const BANNED_PASSWORDS: readonly string[] = [
  // most common in breach corpora
  'password', 'passw0rd', 'passwd', 'pass', 'password1', 'password12', 'password123', 'pass1234',
  '123456', '1234567', '12345678', '123456789', '1234567890', '0123456789', '87654321', '987654321',
  '11111111', '00000000', '12341234', '12121212', '11223344', '123123123', '112233', '121212', '123123', '654321',
  '666666', '696969', '777777', '888888', '999999', '55555555', '88888888', '99999999',
  'qwerty', 'qwertyui', 'qwertyuiop', 'qwerty123', 'asdfghjk', 'asdfghjkl', 'zxcvbnm', 'zxcvbnm1', '1qaz2wsx',
  'zaq12wsx', '1q2w3e4r', '1q2w3e4r5t', 'qazwsx', 'qazwsxedc', 'abcdefgh', 'abcd1234', 'abc12345', 'abc123',
  'aa123456', 'a1b2c3d4', 'iloveyou', 'letmein', 'welcome', 'welcome1', 'monkey', 'dragon', 'master', 'shadow',
  'sunshine', 'princess', 'football', 'baseball', 'basketball', 'soccer', 'hockey', 'superman', 'batman',
  'trustno1', 'starwars', 'whatever', 'freedom', 'computer', 'internet', 'michael', 'jennifer', 'jordan',
  'charlie', 'michelle', 'mustang', 'access', 'secret', 'changeme', 'default', 'login', 'admin', 'administrator',
  'root', 'guest', 'test', 'testing', 'temp', 'temporary', 'hello', 'hellothere', 'loveme', 'lovely', 'flower',
  'cheese', 'chocolate', 'cookie', 'pepper', 'ginger', 'hunter', 'hunter2', 'killer', 'ranger', 'tigger',
  'buster', 'soccer1', 'thomas', 'robert', 'daniel', 'matthew', 'andrew', 'joshua', 'ashley', 'jessica',
  'qwertyqwerty', 'passwordpassword', 'aaaaaaaa', 'abcabcabc', 'onetwothree', 'letmein1', 'iloveu',
  // seasons, months and days people rotate through
  'spring', 'summer', 'autumn', 'fall', 'winter', 'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december', 'monday', 'tuesday', 'wednesday',
  'thursday', 'friday', 'saturday', 'sunday',
  // this workplace
  'clets', 'cletsclets', 'ncic', 'nlets', 'cjis', 'cori', 'dmv', 'police', 'policedept', 'policedepartment',
  'sheriff', 'deputy', 'officer', 'sergeant', 'lieutenant', 'captain', 'chief', 'detective', 'dispatch',
  'dispatcher', 'records', 'supervisor', 'crso', 'badge', 'patrol', 'cop', 'copper', 'backtheblue',
  'bluelivesmatter', 'code3', 'tenfour', '10-4', 'workstation', 'terminal', 'california', 'sacramento',
  'santaclara', 'sanjose', 'losangeles', 'sandiego', 'sanfrancisco', 'oakland', 'fresno', 'bakersfield',
  'training', 'trainee', 'operator', 'cadet', 'academy', 'agency', 'county', 'justice',
];
