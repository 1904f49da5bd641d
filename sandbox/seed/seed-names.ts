/**
 * Given and family names from many cultures for the seeded people. Names keep their own spelling (diacritics,
 * apostrophes, particles, hyphens) because the console must show, search and sort exactly such names.
 * `middle` marks cultures where a middle name is common in business directories.
 */
export interface NameCulture {
  given: readonly string[];
  family: readonly string[];
  middle?: boolean;
}

// One line per list: these are data, and a name a line would make the file ten times as long.
// prettier-ignore
export const NAME_CULTURES: readonly NameCulture[] = [
  {
    // English (UK, US, Australia)
    given: ['Oliver', 'Amelia', 'James', 'Charlotte', 'William', 'Olivia', 'Harry', 'Emily', 'George', 'Sophie', 'Jack', 'Grace', 'Thomas', 'Hannah', 'Daniel', 'Chloe', 'Michael', 'Jessica', 'Ethan', 'Madison', 'Noah', 'Isla', 'Benjamin', 'Ava', 'Samuel', 'Lily', 'Henry', 'Evelyn', 'Joshua', 'Abigail', 'Ryan', 'Megan'],
    family: ['Smith', 'Johnson', 'Williams', 'Brown', 'Taylor', 'Davies', 'Wilson', 'Evans', 'Thompson', 'Walker', 'Wright', 'Robinson', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Harris', 'Clarke', 'Mitchell', 'Roberts', 'Lewis', 'Walker-Jones', 'Turner', 'Cooper', 'Morgan', 'Bennett', 'Carter', 'Phillips', 'Parker', 'Collins', 'Stewart'],
    middle: true,
  },
  {
    // Irish
    given: ['Aoife', 'Ciarán', 'Siobhán', 'Niamh', 'Seán', 'Éabha', 'Oisín', 'Saoirse', 'Pádraig', 'Róisín', 'Darragh', 'Caoimhe', 'Cillian', 'Clodagh', 'Eoin', 'Gráinne', 'Fionn', 'Orla', 'Declan', 'Sinéad'],
    family: ["O'Brien", 'Murphy', 'Kelly', "O'Sullivan", 'Walsh', 'Byrne', 'Ryan', "O'Connor", 'McCarthy', 'Doyle', 'Gallagher', 'Fitzgerald', 'Quinn', 'Brennan', 'Nolan', 'Kavanagh', 'Lynch', 'Dunne', 'Power', 'Whelan'],
  },
  {
    // Spanish and Latin American
    given: ['Sofía', 'Mateo', 'Valentina', 'Santiago', 'Lucía', 'Alejandro', 'Camila', 'Diego', 'Martina', 'Javier', 'Isabel', 'Andrés', 'Ximena', 'Carlos', 'Paula', 'José', 'Renata', 'Emiliano', 'Daniela', 'Joaquín', 'Gabriela', 'Rodrigo', 'Adriana', 'Fernando', 'Valeria', 'Tomás'],
    family: ['García', 'Rodríguez', 'Martínez', 'López', 'Hernández', 'González', 'Pérez', 'Sánchez', 'Ramírez', 'Torres', 'Flores', 'Rivera', 'Gómez', 'Díaz', 'de la Cruz', 'García-Márquez', 'Vargas', 'Castillo', 'Jiménez', 'Moreno', 'Romero', 'Herrera', 'Medina', 'Aguilar', 'Vega', 'Ortega', 'Navarro', 'Ruiz'],
    middle: true,
  },
  {
    // Portuguese and Brazilian
    given: ['João', 'Ana', 'Pedro', 'Beatriz', 'Lucas', 'Mariana', 'Gabriel', 'Larissa', 'Rafael', 'Inês', 'Thiago', 'Letícia', 'Matheus', 'Camila', 'Guilherme', 'Fernanda', 'Bruno', 'Juliana', 'Vinícius', 'Rafaela', 'Caio', 'Bianca'],
    family: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Costa', 'Rodrigues', 'Almeida', 'Nascimento', 'Carvalho', 'Ferreira', 'Araújo', 'Lima', 'Gomes', 'Ribeiro', 'Martins', 'Barbosa', 'Rocha', 'Dias', 'Teixeira', 'Mendes', 'Cardoso', 'Moreira', 'Cavalcanti'],
    middle: true,
  },
  {
    // French
    given: ['Camille', 'Louis', 'Chloé', 'Hugo', 'Léa', 'Théo', 'Manon', 'Antoine', 'Élodie', 'Mathieu', 'Anne-Marie', 'François', 'Amélie', 'Jean-Luc', 'Julien', 'Margaux', 'Baptiste', 'Inès', 'Clément', 'Océane', 'Nicolas', 'Pauline', 'Raphaël', 'Juliette'],
    family: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Lefèvre', 'Girard', 'Fournier', 'Rousseau', 'Bonnet', 'Lambert', 'Fontaine', 'Chevalier', 'Mercier', 'Blanc', 'Guérin', 'Faure', 'André', 'Gauthier', 'Perrin', 'Roux', 'Marchand'],
  },
  {
    // German, Austrian, Swiss
    given: ['Lukas', 'Anna', 'Maximilian', 'Lea', 'Felix', 'Johanna', 'Jonas', 'Katharina', 'Matthias', 'Jürgen', 'Jörg', 'Lena', 'Tobias', 'Mareike', 'Paul', 'Marie', 'Leon', 'Hannah', 'Florian', 'Julia', 'Niklas', 'Laura', 'Sebastian', 'Franziska'],
    family: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Krüger', 'Schäfer', 'Koch', 'Zimmermann', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Braun', 'Hofmann', 'Hartmann', 'Lange', 'Werner', 'Krause', 'Lehmann', 'Köhler'],
  },
  {
    // Italian
    given: ['Giulia', 'Francesco', 'Chiara', 'Alessandro', 'Lorenzo', 'Federica', 'Matteo', 'Elena', 'Giuseppe', 'Alessia', 'Niccolò', 'Beatrice', 'Andrea', 'Sara', 'Davide', 'Valentina', 'Riccardo', 'Francesca', 'Stefano', 'Ilaria', 'Marco', 'Aurora'],
    family: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno', 'Gallo', 'De Luca', 'Conti', 'Costa', 'Fontana', 'Rinaldi', 'Caruso', 'Ferrara', 'Galli', 'Martini', 'Leone', 'Longo', 'Gentile', 'Mancini', 'Lombardi'],
  },
  {
    // Dutch and Flemish
    given: ['Daan', 'Sanne', 'Bram', 'Fleur', 'Jeroen', 'Lotte', 'Sem', 'Anouk', 'Pieter', 'Femke', 'Thijs', 'Eva', 'Lars', 'Noor', 'Ruben', 'Iris', 'Wouter', 'Lieke', 'Stijn', 'Marloes'],
    family: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'van der Meer', 'Peeters', 'Maes', 'Bos', 'Vos', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit', 'Dijkstra', 'Janssens', 'Claes'],
  },
  {
    // Polish and Czech
    given: ['Łukasz', 'Agnieszka', 'Krzysztof', 'Katarzyna', 'Michał', 'Małgorzata', 'Paweł', 'Zuzana', 'Tomáš', 'Jakub', 'Ewa', 'Wojciech', 'Piotr', 'Joanna', 'Marek', 'Aleksandra', 'Tomasz', 'Monika', 'Jan', 'Barbora', 'Petr', 'Lucie'],
    family: ['Kowalski', 'Nowak', 'Wiśniewska', 'Wójcik', 'Kamińska', 'Lewandowski', 'Zieliński', 'Dvořák', 'Novák', 'Svobodová', 'Szymański', 'Woźniak', 'Kaczmarek', 'Mazur', 'Krawczyk', 'Piotrowski', 'Grabowska', 'Pawlak', 'Černý', 'Procházka', 'Kučera', 'Veselá', 'Jankowski', 'Dąbrowski'],
  },
  {
    // Nordic and Finnish
    given: ['Søren', 'Ingrid', 'Magnus', 'Astrid', 'Mikkel', 'Freja', 'Lars', 'Sigrid', 'Eirik', 'Maja', 'Björn', 'Linnea', 'Åsa', 'Henrik', 'Aino', 'Mikko', 'Nils', 'Karin', 'Jonas', 'Elin', 'Oskar', 'Hanna', 'Anders', 'Ida', 'Jussi', 'Kaisa'],
    family: ['Hansen', 'Johansson', 'Nielsen', 'Andersson', 'Larsen', 'Eriksson', 'Jensen', 'Lindqvist', 'Sørensen', 'Berg', 'Halvorsen', 'Virtanen', 'Korhonen', 'Nieminen', 'Karlsson', 'Pedersen', 'Nilsson', 'Christensen', 'Olsen', 'Persson', 'Lund', 'Dahl', 'Mäkinen', 'Heikkinen', 'Holm', 'Strand'],
  },
  {
    // Greek
    given: ['Eleni', 'Giorgos', 'Maria', 'Dimitris', 'Katerina', 'Nikos', 'Sofia', 'Yannis', 'Ioanna', 'Konstantinos', 'Christos', 'Anastasia', 'Vasilis', 'Despina', 'Panagiotis', 'Georgia', 'Alexandros', 'Vasiliki'],
    family: ['Papadopoulos', 'Papadaki', 'Georgiou', 'Nikolaidis', 'Vlachos', 'Antoniou', 'Karagiannis', 'Oikonomou', 'Dimitriou', 'Christodoulou', 'Alexiou', 'Makris', 'Pappas', 'Anagnostou', 'Stavrou', 'Kouris', 'Lambrou', 'Michailidis'],
  },
  {
    // Hungarian, Romanian, Balkan
    given: ['Bence', 'Réka', 'Andrei', 'Ioana', 'Zoltán', 'Mihaela', 'Luka', 'Ivana', 'Nikola', 'Dóra', 'Ádám', 'Eszter', 'Mihai', 'Elena', 'Marko', 'Jelena', 'Tamás', 'Anca', 'Stefan', 'Petra'],
    family: ['Nagy', 'Kovács', 'Szabó', 'Popescu', 'Ionescu', 'Stoica', 'Horvat', 'Petrović', 'Jovanović', 'Kovačević', 'Tóth', 'Varga', 'Horváth', 'Dumitru', 'Stan', 'Radu', 'Babić', 'Marković', 'Ilić', 'Kiss'],
  },
  {
    // Ukrainian and Russian (transliterated)
    given: ['Dmytro', 'Anastasia', 'Ivan', 'Olena', 'Sergei', 'Yulia', 'Oleksandr', 'Natalia', 'Mikhail', 'Tetiana', 'Andriy', 'Irina', 'Kateryna', 'Maksym', 'Svitlana', 'Alexei', 'Daria', 'Bohdan', 'Oksana', 'Pavel', 'Viktoria', 'Yaroslav'],
    family: ['Ivanova', 'Petrov', 'Shevchenko', 'Kovalenko', 'Smirnova', 'Bondarenko', 'Volkov', 'Kuznetsova', 'Melnyk', 'Sokolov', 'Tkachenko', 'Popova', 'Kravchenko', 'Boyko', 'Lysenko', 'Morozova', 'Pavlenko', 'Novikov', 'Fedorova', 'Hrytsenko', 'Orlov', 'Savchenko'],
  },
  {
    // Turkish
    given: ['Elif', 'Mehmet', 'Zeynep', 'Mustafa', 'Ayşe', 'Emre', 'Merve', 'Burak', 'Defne', 'Kerem', 'Selin', 'Oğuz', 'Ahmet', 'Ece', 'Can', 'Büşra', 'Hakan', 'Deniz', 'Serkan', 'Gizem', 'Cem', 'İrem'],
    family: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Yıldız', 'Öztürk', 'Aydın', 'Arslan', 'Doğan', 'Kılıç', 'Aslan', 'Koç', 'Kurt', 'Özdemir', 'Polat', 'Erdoğan', 'Güneş', 'Aksoy', 'Korkmaz', 'Tekin', 'Acar'],
  },
  {
    // Arabic
    given: ['Omar', 'Layla', 'Ahmed', 'Fatima', 'Youssef', 'Mariam', 'Khalid', 'Noor', 'Hassan', 'Salma', 'Karim', 'Amira', 'Tariq', 'Rania', 'Yasmin', 'Ali', 'Hana', 'Samir', 'Dalia', 'Faisal', 'Lina', 'Nabil', 'Zainab', 'Bilal'],
    family: ['Al-Sayed', 'Haddad', 'Khalil', 'Mansour', 'Nasser', 'Farouk', 'El-Amin', 'Hamdan', 'Aziz', 'Saleh', 'Al-Rashid', 'Bakr', 'Abboud', 'Ibrahim', 'Darwish', 'Suleiman', 'Hakim', 'Nassar', 'Barakat', 'Kassem', 'Al-Masri', 'Yousef', 'Habib', 'Shalaby'],
  },
  {
    // Persian
    given: ['Dariush', 'Shirin', 'Reza', 'Parisa', 'Arash', 'Leila', 'Kian', 'Niloufar', 'Babak', 'Roya', 'Sara', 'Amir', 'Mahsa', 'Farid', 'Yasaman', 'Omid', 'Golnaz', 'Behrouz', 'Nasrin', 'Cyrus'],
    family: ['Hosseini', 'Rahimi', 'Karimi', 'Mohammadi', 'Ahmadi', 'Tehrani', 'Jafari', 'Moradi', 'Sadeghi', 'Rostami', 'Rezaei', 'Ghorbani', 'Kazemi', 'Shirazi', 'Najafi', 'Farahani', 'Bagheri', 'Esfahani', 'Abbasi', 'Nouri'],
  },
  {
    // Hebrew
    given: ['Noa', 'Yonatan', 'Tamar', 'Itai', 'Shira', 'Eitan', 'Maya', 'Ariel', 'Yael', 'Omer', 'Avi', 'Michal', 'Ido', 'Hila', 'Daniel', 'Adi', 'Nadav', 'Liat', 'Gal', 'Roni'],
    family: ['Cohen', 'Levi', 'Mizrahi', 'Peretz', 'Biton', 'Friedman', 'Katz', 'Azoulay', 'Ben-David', 'Shapiro', 'Rosenberg', 'Goldberg', 'Klein', 'Avraham', 'Dahan', 'Sasson', 'Weiss', 'Levy', 'Ohana', 'Segal'],
  },
  {
    // South Asian (India, Pakistan, Bangladesh, Sri Lanka)
    given: ['Aarav', 'Priya', 'Rohan', 'Ananya', 'Vikram', 'Lakshmi', 'Arjun', 'Kavya', 'Rahul', 'Deepika', 'Sanjay', 'Meera', 'Imran', 'Ayesha', 'Karthik', 'Nimal', 'Aditi', 'Siddharth', 'Neha', 'Aditya', 'Pooja', 'Varun', 'Shreya', 'Harish', 'Divya', 'Faisal', 'Tanvir', 'Anjali'],
    family: ['Sharma', 'Patel', 'Reddy', 'Iyer', 'Gupta', 'Singh', 'Nair', 'Krishnan', 'Chatterjee', 'Banerjee', 'Khan', 'Rahman', 'Perera', 'Menon', 'Joshi', 'Subramanian', 'Verma', 'Mehta', 'Kapoor', 'Agarwal', 'Bose', 'Pillai', 'Rao', 'Desai', 'Kulkarni', 'Ahmed', 'Hossain', 'Fernando'],
  },
  {
    // Chinese (pinyin)
    given: ['Wei', 'Xiaoling', 'Jun', 'Mei', 'Hao', 'Yan', 'Jie', 'Lin', 'Zhiwei', 'Yuting', 'Xinyi', 'Haoran', 'Yiming', 'Jing', 'Tao', 'Fang', 'Lei', 'Xiaoyu', 'Bo', 'Ying', 'Kai', 'Shu'],
    family: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Guo', 'He', 'Ma', 'Hu', 'Gao', 'Lin', 'Luo', 'Zheng', 'Liang', 'Xie', 'Song', 'Tang', 'Deng', 'Feng'],
  },
  {
    // Japanese
    given: ['Haruto', 'Yui', 'Sota', 'Aoi', 'Ren', 'Hina', 'Takumi', 'Sakura', 'Kenji', 'Yuki', 'Hiroshi', 'Emi', 'Riku', 'Mio', 'Daiki', 'Nanami', 'Kaito', 'Rin', 'Shota', 'Ayaka', 'Naoki', 'Misaki'],
    family: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato', 'Yoshida', 'Yamada', 'Sasaki', 'Yamaguchi', 'Matsumoto', 'Inoue', 'Kimura', 'Hayashi', 'Shimizu', 'Yamazaki', 'Mori', 'Ikeda', 'Hashimoto', 'Abe'],
  },
  {
    // Korean
    given: ['Min-jun', 'Seo-yeon', 'Ji-ho', 'Ha-eun', 'Do-yun', 'Ji-woo', 'Seung-hoon', 'Yu-na', 'Hyun-woo', 'Soo-ah', 'Ye-jin', 'Jae-won', 'Su-bin', 'Tae-yang', 'Eun-ji', 'Sung-min', 'Da-eun', 'Jun-ho', 'Mi-rae', 'Hye-jin'],
    family: ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Shin', 'Oh', 'Seo', 'Kwon', 'Hwang', 'Ahn', 'Song', 'Jeon', 'Hong', 'Yoo', 'Ko'],
  },
  {
    // Vietnamese
    given: ['Minh', 'Linh', 'Anh', 'Thảo', 'Huy', 'Trang', 'Quang', 'Ngọc', 'Đức', 'Phương', 'Tuấn', 'Hương', 'Lan', 'Khoa', 'Mai', 'Bảo', 'Thu', 'Long', 'Hà', 'Nam', 'Vy', 'Sơn'],
    family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Võ', 'Huỳnh', 'Hồ', 'Đinh', 'Lý', 'Trương', 'Lâm', 'Mai', 'Tô', 'Cao'],
  },
  {
    // Filipino, Indonesian, Malaysian
    given: ['Andrea', 'Miguel', 'Kristine', 'Paolo', 'Jasmine', 'Carlo', 'Putri', 'Budi', 'Siti', 'Agus', 'Dewi', 'Rizky', 'Nurul', 'Farhan', 'Joshua', 'Patricia', 'Rafael', 'Angelica', 'Mark', 'Camille', 'Wahyu', 'Indah', 'Aziz', 'Aisyah'],
    family: ['Reyes', 'Cruz', 'Bautista', 'Villanueva', 'Mendoza', 'Santoso', 'Wijaya', 'Halim', 'Pratama', 'Tan', 'Abdullah', 'Hidayat', 'Gunawan', 'Ismail', 'Garcia', 'Aquino', 'Ramos', 'Navarro', 'Dela Cruz', 'Setiawan', 'Kusuma', 'Saputra', 'Rahman', 'Lim'],
    middle: true,
  },
  {
    // West African (Nigeria, Ghana, Senegal)
    given: ['Chinedu', 'Ngozi', 'Oluwaseun', 'Adaeze', 'Kwame', 'Ama', 'Emeka', 'Folake', 'Kofi', 'Abena', 'Tunde', 'Yetunde', 'Moussa', 'Aminata', 'Chiamaka', 'Babajide', 'Efua', 'Kojo', 'Nneka', 'Olumide', 'Akosua', 'Ifeanyi', 'Fatou', 'Ousmane'],
    family: ['Okafor', 'Adeyemi', 'Mensah', 'Boateng', 'Okonkwo', 'Balogun', 'Nwosu', 'Asante', 'Diallo', 'Ndiaye', 'Eze', 'Owusu', 'Adebayo', 'Sow', 'Obi', 'Ogunleye', 'Appiah', 'Osei', 'Chukwu', 'Afolabi', 'Nwachukwu', 'Ofori', 'Fall', 'Traoré'],
  },
  {
    // East and Southern African (Kenya, Ethiopia, South Africa, Zimbabwe)
    given: ['Wanjiru', 'Kamau', 'Amani', 'Zawadi', 'Baraka', 'Thandiwe', 'Sipho', 'Lerato', 'Tendai', 'Nomvula', 'Abebe', 'Makeda', 'Njeri', 'Otieno', 'Akinyi', 'Kipchoge', 'Naledi', 'Thabo', 'Rudo', 'Farai', 'Selam', 'Yohannes'],
    family: ['Otieno', 'Mwangi', 'Odhiambo', 'Kiprop', 'Njoroge', 'Dlamini', 'Nkosi', 'Mokoena', 'Moyo', 'Ndlovu', 'Tesfaye', 'Haile', 'Kariuki', 'Wambui', 'Onyango', 'Cheruiyot', 'Khumalo', 'Zulu', 'Sithole', 'Chikwanha', 'Bekele', 'Girma'],
  },
];

// prettier-ignore
export const DESIGNATIONS: readonly string[] = ['Account Executive', 'Solutions Engineer', 'Product Manager', 'Software Engineer', 'Senior Software Engineer', 'Regional Sales Director', 'Customer Success Manager', 'Marketing Manager', 'Financial Analyst', 'HR Business Partner', 'Data Scientist', 'Partner Manager', 'Operations Lead', 'Chief of Staff', 'UX Designer', 'Legal Counsel', 'Events Coordinator', 'Support Engineer', 'Procurement Specialist', 'Vice President, Sales'];
