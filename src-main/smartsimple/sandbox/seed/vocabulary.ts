/**
 * Word lists for believable synthetic people and organizations. All invented combinations; the
 * lists are long enough that 100,000 people rarely repeat a full name inside one organization
 * (the generator also refuses near-identical names within an organization, see people.ts).
 */
const words = (text: string): readonly string[] => text.trim().split(/\s+/);

export const FIRST_NAMES = words(`
Aaron Abigail Adam Adrian Aisha Alan Albert Alejandro Alex Alexa Alice Alicia Alison Amanda Amber Amelia Amir
Amy Ana Andre Andrea Andrew Angela Anita Ann Anthony Antonio Arjun Arthur Ashley Audrey Austin Barbara Benjamin
Bernard Beth Bianca Blake Brandon Brenda Brian Brianna Bruce Bryan Caleb Camila Carl Carla Carlos Carmen Caroline
Carter Catherine Cecilia Charles Charlotte Chen Chloe Chris Christina Claire Clara Colin Connor Craig Crystal
Daniel Danielle David Deborah Dennis Derek Diana Diego Dmitri Dominic Donald Dorothy Douglas Dylan Eduardo
Edward Eileen Elena Elijah Elizabeth Ella Emily Emma Eric Erica Ethan Eva Evelyn Farah Fatima Felix Fernando
Fiona Frances Francis Gabriel Gabriela George Gerald Gloria Grace Gregory Hannah Harold Harper Hassan Heather
Helen Henry Hiroshi Holly Hugo Ian Imani Irene Isaac Isabel Ivan Jack Jacob Jacqueline James Jamal Jane Janet
Jasmine Jason Javier Jean Jeffrey Jennifer Jeremy Jessica Joan Joel John Jonathan Jordan Jorge Joseph Joshua
Joyce Juan Judith Julia Julian Justin Kai Karen Katherine Keith Kelly Kenji Kenneth Kevin Kimberly Kyle Laura
Lauren Lawrence Leah Leo Leon Liam Lily Linda Lisa Logan Lucas Lucy Luis Luke Lydia Madison Malik Marcus Margaret
Maria Marie Mark Martha Martin Mary Mason Matthew Maya Megan Melissa Michael Michelle Miguel Mila Monica Nadia
Nancy Naomi Natalie Nathan Neil Nicholas Nicole Noah Nora Olivia Omar Oscar Pablo Pamela Patricia Patrick Paul
Paula Peter Philip Priya Rachel Rafael Rahul Ravi Rebecca Ricardo Richard Rita Robert Roberto Robin Rosa Ruby
Russell Ruth Ryan Samantha Samuel Sandra Sara Scott Sean Sebastian Sergei Sharon Sofia Sophie Stephen Steven
Susan Tanya Tara Teresa Thomas Timothy Tina Tom Tyler Valerie Vanessa Victor Victoria Vincent Walter Wei
William Xavier Yasmin Yusuf Zachary Zoe
`);

export const LAST_NAMES = words(`
Abbott Acosta Adams Adeyemi Aguilar Ahmed Alexander Ali Allen Alvarez Anderson Andrews Armstrong Arnold
Bailey Baker Banerjee Barnes Bauer Bell Bennett Bernard Bishop Black Blake Bowman Boyd Bradley Brooks Brown
Bryant Burke Burns Butler Byrne Caldwell Campbell Cardenas Carlson Carroll Carter Castillo Chan Chandler
Chapman Chavez Chen Clark Cohen Cole Coleman Collins Cooper Cortez Cox Crawford Cruz Cunningham Curtis Daniels
Das Davidson Davis Dawson Day Dean Delgado Diaz Dixon Dominguez Douglas Doyle Duncan Dunn Edwards Elliott Ellis
Estrada Evans Farmer Ferguson Fernandez Fischer Fisher Fleming Fletcher Flores Ford Foster Fowler Fox Francis
Franklin Freeman Fuller Garcia Gardner Garrett George Gibson Gilbert Gill Gomez Gonzalez Goodwin Gordon Graham
Grant Gray Green Gregory Griffin Guerrero Gupta Gutierrez Hall Hamilton Hansen Harper Harris Hart Harvey
Hawkins Hayes Henderson Henry Hernandez Hicks Hill Hoffman Holland Holmes Hopkins Howard Hudson Hughes Hunt
Hunter Ibrahim Iyer Jackson Jacobs James Jensen Jimenez Johnson Jones Jordan Joshi Kaur Keller Kelly Kennedy
Khan Kim King Klein Knight Kowalski Kumar Lambert Lane Larson Lawrence Lawson Lee Lewis Lin Little Liu Long
Lopez Lynch Mahoney Marshall Martin Martinez Mason Matthews Mendoza Meyer Miller Mills Mitchell Molina
Montgomery Moore Morales Moreno Morgan Morris Murphy Murray Nakamura Nguyen Nichols Novak Obi O'Brien Okafor
Oliver Olsen Ortiz Owens Palmer Park Parker Patel Patterson Pearson Perez Perkins Perry Peters Peterson Phillips
Pierce Porter Powell Price Quinn Ramirez Ramos Reed Reid Reyes Reynolds Rice Richards Richardson Riley Rivera
Roberts Robertson Robinson Rodriguez Rogers Romero Rose Ross Russell Ryan Saito Sanchez Sanders Santos Schmidt
Schneider Scott Shah Sharma Shaw Simmons Simpson Singh Smith Snyder Soto Spencer Stanley Stephens Stevens
Stewart Stone Sullivan Sutton Tanaka Taylor Thomas Thompson Torres Tran Tucker Turner Vargas Vasquez Wagner
Walker Wallace Walsh Wang Ward Warren Washington Watson Weaver Webb Weber Wells West Wheeler White Williams
Willis Wilson Wong Wood Woods Wright Wu Yamamoto Yang Young Zhang Zimmerman
`);

export const FOUNDATION_NAMES = words(`
Northwind Bluestone Harborview Evergreen Lakeshore Silverline Cedarbrook Meridian Summit Riverbend Highland Oakridge
`);

export const ORG_PLACES = words(`
Riverside Cedar Maple Lakeview Hillcrest Brookfield Fairview Westside Eastgate Northgate Southport Greenfield
Pinecrest Oakwood Willow Granite Harbor Valley Prairie Coastal Summit Canyon Meadow Redwood Clearwater Elmwood
Springfield Ashford Bayside Kingsley Marlow Fernhill Stonebridge Sunnyvale Highgate Rosewood Millbrook Windham
Crescent Pioneer Heritage Lakeside Frontier Delta Sierra Aurora Beacon Horizon
`);

export const ORG_THEMES = words(`
Youth Arts Health Literacy Housing Food Environmental Veterans Music Science Heritage Wellness Family Education
Community Elder Refugee Water Climate Justice Recovery Theatre Sports Technology Nutrition Wildlife Library Dance
Film Maternal Disability Immigrant Workforce Tenant Garden Ocean Forest Rural Urban
`);

export const ORG_KINDS = words(`
Alliance Council Network Foundation Coalition Collective Center Society Initiative Project Trust Partnership
Association Institute Cooperative League Fund Services
`);

export const PROGRAM_THEMES = words(`
Community Arts Youth Development Rural Health Climate Resilience Early Literacy Affordable Housing Food Security
Digital Inclusion Workforce Training Mental Health Water Access Elder Care Small Business Civic Engagement
`).reduce<string[]>(
  (pairs, word, i, all) => (i % 2 === 0 ? [...pairs, `${word} ${all[i + 1] ?? ''}`.trim()] : pairs),
  [],
);

export const PROGRAM_KINDS = [
  'Grant',
  'Fellowship',
  'Scholarship',
  'Capacity Building Grant',
  'Research Award',
  'Emergency Fund',
] as const;
export const PROGRAM_STATUSES = ['Open', 'Open', 'Under Review', 'Closed', 'Draft', 'Awarded'] as const;

export const TEAM_NAMES = words(`
North South East West Central Pacific Atlantic Mountain Prairie Coastal Metro Regional
`);

export const EXTERNAL_TITLES = [
  { title: 'Executive Director', weight: 1 },
  { title: 'Grant Writer', weight: 3 },
  { title: 'Program Coordinator', weight: 4 },
  { title: 'Finance Officer', weight: 2 },
  { title: 'Development Manager', weight: 2 },
  { title: 'Board Chair', weight: 0.5 },
  { title: 'Researcher', weight: 1.5 },
] as const;

export const USER_AGENTS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Safari/605.1.15',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:132.0) Gecko/20100101 Firefox/132.0',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (iPad; CPU OS 17_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.6 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36',
] as const;

/** First octets of ordinary ISP ranges (home and office addresses). */
export const HOME_OCTETS = [24, 50, 64, 66, 68, 71, 73, 76, 96, 98, 99, 104, 107, 108, 173, 174] as const;
/** First octets used only by planted off-hours sessions, so "a new IP" is never an accident. */
export const FOREIGN_OCTETS = [5, 31, 37, 41, 45, 77, 91, 103, 185, 196] as const;

/** Time zones of the instance's people, minutes east of UTC (North America heavy, a few abroad). */
export const TIME_ZONES = [
  { offset: -300, weight: 40 },
  { offset: -360, weight: 20 },
  { offset: -420, weight: 10 },
  { offset: -480, weight: 20 },
  { offset: -240, weight: 4 },
  { offset: 0, weight: 3 },
  { offset: 60, weight: 3 },
] as const;
