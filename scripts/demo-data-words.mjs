// Vocabulary of the demo store: brands, product families, people and places. Plain data, kept apart
// from scripts/demo-data-lib.mjs so the generator logic stays short. Brands and people are invented;
// cities, regions, postal-code shapes, carriers and GS1/ISBN prefixes are the real ones, so a trainee
// in Buenos Aires, São Paulo or Bogotá recognises what they scan and what they ship.

/**
 * Brands with a GS1 company prefix. The first three digits are the real GS1 member-organisation
 * prefix of the brand's country (779 AR, 789/790 BR, 750 MX, 770 CO, 780 CL, 775 PE); `upc` brands
 * print a 12-digit UPC-A (US company prefix 840…), as imported electronics do.
 */
export const BRANDS = {
  sur: '7798142', trama: '7791874', carioca: '7891532', pe: '7908117', paso: '7501962', telar: '7503408',
  andina: '7702419', bella: '7896203', austral: '7804650', botica: '7898745',
  volta: '7899061', nexo: '7795230', pulso: '7506183', bright: { upc: '840212' },
  terracota: '7504127', lar: '7897214', bambu: '7707311', pampa: '7796602',
  colorada: '7790387', esperanza: '7702984', minas: '7896630', oaxaca: '7501830', cordillera: '7802211', sagrado: '7750921',
};

/** Argentine importer whose sticker (a second EAN) covers the maker's barcode on some imports. */
export const IMPORTER_PREFIX = '7793310';

/**
 * Product families, one per line: [code, title, brand, grams, [l, w, h] mm, options, flags].
 * `options` are the variant axes (colour × size for apparel; shade, volume or nothing otherwise);
 * flags: s = serial numbers, l = lot/expiry, c6/c12/c24 = sold to shops in cases of that many.
 * Weights are the shipped unit with its retail packaging.
 */
export const FAMILIES = {
  apparel: [
    ['RMB', 'Remera básica de algodón peinado', 'sur', 175, [300, 250, 20], [['Negro', 'Blanco', 'Gris melange'], ['XS', 'S', 'M', 'L', 'XL']]],
    ['CDF', 'Camiseta esportiva dry-fit', 'carioca', 140, [300, 240, 15], [['Preto', 'Azul royal', 'Verde limão'], ['P', 'M', 'G', 'GG']]],
    ['JMF', 'Jean mom fit tiro alto', 'trama', 540, [350, 280, 40], [['Azul clásico', 'Negro'], ['36', '38', '40', '42', '44']]],
    ['BUZ', 'Buzo canguro con capucha', 'trama', 560, [380, 300, 60], [['Gris topo', 'Verde oliva', 'Negro'], ['S', 'M', 'L', 'XL']]],
    ['VLM', 'Vestido de lino midi', 'telar', 260, [320, 250, 30], [['Terracota', 'Natural', 'Negro'], ['XS', 'S', 'M', 'L']]],
    ['CLF', 'Calça legging cintura alta', 'carioca', 210, [280, 220, 20], [['Preto', 'Vinho'], ['P', 'M', 'G', 'GG']]],
    ['MED', 'Medias deportivas pack x3', 'sur', 120, [220, 120, 30], [['Blanco'], ['35-38', '39-42', '43-46']], 'c12'],
    ['GOR', 'Gorra trucker bordada', 'paso', 110, [270, 200, 120], [['Negro', 'Beige', 'Azul marino', 'Verde militar']]],
  ],
  footwear: [
    ['ZUR', 'Zapatilla urbana de lona', 'paso', 880, [330, 210, 120], [['Blanco', 'Negro'], ['36', '38', '40', '41', '42', '43', '44']]],
    ['SRC', 'Sandália rasteira de couro', 'pe', 330, [300, 190, 90], [['Caramelo', 'Preto'], ['34', '35', '36', '37', '38', '39']]],
    ['BTT', 'Bota de trabajo punta de acero', 'paso', 1650, [340, 240, 140], [['Marrón'], ['39', '41', '43']]],
  ],
  cosmetics: [
    ['SOL', 'Protector solar FPS 50', 'austral', 0, [170, 60, 45], [['50 ml', '200 ml']], 'l c24', [75, 240]],
    ['PSF', 'Protetor solar facial FPS 60 toque seco', 'bella', 70, [150, 50, 40], [], 'l c24'],
    ['HIA', 'Crema hidratante con ácido hialurónico 50 ml', 'andina', 95, [90, 70, 70], [], 'l c12'],
    ['SVC', 'Sérum facial vitamina C 10 % 30 ml', 'andina', 110, [120, 45, 45], [], 'l c12'],
    ['SHS', 'Shampoo sólido de romero', 'andina', 95, [90, 90, 40], [], 'l'],
    ['CCD', 'Condicionador cachos definidos 300 ml', 'bella', 340, [190, 70, 50], [], 'l c12'],
    ['BLM', 'Base líquida matte 30 ml', 'bella', 85, [110, 45, 35], [['Tono 110 claro', 'Tono 220 medio', 'Tono 330 oscuro']], 'l'],
    ['LAB', 'Labial mate larga duración', 'bella', 25, [90, 25, 25], [['Rojo clásico', 'Nude', 'Cereza']], 'l'],
    ['ESM', 'Esmalte de uñas 9 ml', 'austral', 45, [70, 35, 35], [['Rojo pasión', 'Rosa chicle', 'Azul noche', 'Transparente']], 'l c24'],
    ['PAZ', 'Perfume Flor de Azahar EDP', 'botica', 0, [120, 70, 60], [['50 ml', '100 ml']], 'l', [210, 380]],
    ['DRO', 'Desodorante roll-on sin alcohol 50 ml', 'botica', 75, [110, 45, 45], [], 'l c24'],
    ['JGA', 'Jabón de glicerina y avena 100 g', 'andina', 110, [90, 60, 30], [], 'l c24'],
    ['OCC', 'Óleo corporal de castanha 100 ml', 'botica', 160, [140, 45, 45], [], 'l'],
    ['MPW', 'Máscara de pestañas waterproof', 'bella', 30, [140, 30, 30], [], 'l'],
    ['AGM', 'Agua micelar 400 ml', 'andina', 440, [200, 75, 50], [], 'l c12'],
    ['CMK', 'Crema de manos karité 75 ml', 'botica', 95, [140, 50, 35], [], 'l c24'],
    ['BFR', 'Bruma facial de rosas 120 ml', 'botica', 165, [150, 45, 45], [], 'l'],
  ],
  electronics: [
    ['AIB', 'Auriculares in-ear Bluetooth 5.3', 'pulso', 180, [120, 100, 45], [['Negro', 'Blanco']], 's'],
    ['AOC', 'Auriculares over-ear con cancelación de ruido', 'bright', 520, [230, 200, 90], [['Negro', 'Plata']], 's'],
    ['PBT', 'Parlante Bluetooth resistente al agua', 'pulso', 680, [210, 110, 110], [['Negro', 'Azul', 'Rojo']], 's'],
    ['C30', 'Cargador USB-C 30 W', 'nexo', 110, [100, 70, 40], [], 'c24'],
    ['C65', 'Carregador USB-C 65 W GaN', 'volta', 170, [110, 80, 45], [], ''],
    ['CCC', 'Cable USB-C a USB-C trenzado', 'nexo', 0, [150, 100, 25], [['1 m', '2 m']], 'c24', [55, 80]],
    ['MIS', 'Mouse inalámbrico silencioso', 'nexo', 120, [150, 95, 50], [['Negro', 'Gris', 'Rosa']], ''],
    ['TEC', 'Teclado inalámbrico', 'volta', 0, [460, 150, 40], [['Español (ñ)', 'ABNT2']], 's', [640, 650]],
    ['PWB', 'Power bank 10.000 mAh', 'volta', 260, [160, 90, 35], [['Negro', 'Blanco']], 's'],
    ['SWD', 'Smartwatch deportivo', 'pulso', 240, [120, 95, 80], [['Negro', 'Rosa']], 's'],
    ['CWB', 'Cámara web Full HD con micrófono', 'bright', 210, [160, 100, 80], [], 's'],
    ['MSD', 'Tarjeta microSD 128 GB', 'bright', 15, [100, 70, 8], [], 'c12'],
    ['HDM', 'Cable HDMI 2.1 de 2 m', 'bright', 140, [200, 130, 30], [], ''],
    ['SNT', 'Soporte para notebook de aluminio', 'nexo', 900, [290, 240, 40], [], ''],
  ],
  home: [
    ['TZC', 'Taza de cerámica 350 ml', 'terracota', 380, [120, 100, 100], [['Verde salvia', 'Blanco', 'Terracota']], 'c6'],
    ['TOA', 'Juego de toallas 2 piezas', 'pampa', 980, [320, 240, 110], [['Blanco', 'Gris perla', 'Azul petróleo']], ''],
    ['JLC', 'Jogo de lençol casal 200 fios', 'lar', 1150, [330, 260, 80], [['Branco', 'Cinza']], ''],
    ['ORB', 'Organizador de bambú para cajones', 'bambu', 650, [380, 150, 60], [], ''],
    ['BTA', 'Botella térmica de acero 750 ml', 'pampa', 420, [290, 90, 90], [['Negro', 'Verde', 'Arena']], 'c6'],
    ['MAT', 'Mate de calabaza con virola de alpaca', 'pampa', 230, [120, 100, 100], [], ''],
    ['BMB', 'Bombilla de acero inoxidable', 'pampa', 40, [200, 30, 15], [], 'c24'],
    ['SAR', 'Sartén antiadherente 24 cm', 'terracota', 1100, [450, 250, 60], [], ''],
    ['VAS', 'Vela aromática de soja', 'bambu', 300, [90, 90, 100], [['Lavanda', 'Vainilla', 'Citronela']], 'c6'],
    ['ALV', 'Almohada viscoelástica', 'pampa', 1300, [600, 400, 120], [], ''],
    ['MPL', 'Manta polar 150 × 200 cm', 'lar', 1200, [400, 300, 120], [['Cinza', 'Bordô']], ''],
    ['FRH', 'Frasco hermético de vidrio 1 L', 'terracota', 560, [160, 110, 110], [], 'c6'],
    ['CIT', 'Cafetera italiana 6 tazas', 'terracota', 700, [200, 160, 130], [], ''],
    ['PFR', 'Prensa francesa 600 ml', 'bambu', 520, [200, 150, 110], [], ''],
    ['YOG', 'Tapete de yoga 6 mm', 'lar', 1100, [620, 150, 150], [['Violeta', 'Gris']], ''],
  ],
  food: [
    ['YMP', 'Yerba mate con palo 1 kg', 'colorada', 1030, [250, 150, 90], [], 'l c12'],
    ['YMS', 'Yerba mate suave 500 g', 'colorada', 520, [200, 120, 70], [], 'l c12'],
    ['CFG', 'Café tostado en grano 500 g', 'esperanza', 530, [230, 130, 80], [], 'l c12'],
    ['CFM', 'Café molido tueste medio 250 g', 'esperanza', 270, [180, 100, 60], [], 'l c24'],
    ['CEG', 'Café especial torrado em grãos 250 g', 'minas', 275, [180, 100, 60], [], 'l c24'],
    ['DDL', 'Dulce de leche repostero 400 g', 'colorada', 450, [100, 100, 90], [], 'l c24'],
    ['ALF', 'Alfajores de chocolate x12', 'colorada', 660, [300, 220, 60], [], 'l c6'],
    ['CH7', 'Chocolate 70 % cacao 80 g', 'esperanza', 90, [160, 80, 10], [], 'l c24'],
    ['DLC', 'Doce de leite cremoso 400 g', 'minas', 440, [100, 100, 90], [], 'l c24'],
    ['ACP', 'Açaí em pó liofilizado 100 g', 'minas', 115, [160, 110, 40], [], 'l'],
    ['PAC', 'Paçoca rolha pote x20', 'minas', 420, [130, 130, 110], [], 'l c12'],
    ['SHB', 'Salsa picante de habanero 150 ml', 'oaxaca', 260, [170, 50, 50], [], 'l c24'],
    ['MOL', 'Mole poblano en pasta 235 g', 'oaxaca', 270, [90, 90, 90], [], 'l c12'],
    ['CHI', 'Chía orgánica 500 g', 'sagrado', 510, [200, 130, 50], [], 'l c12'],
    ['QUI', 'Quinua real blanca 500 g', 'sagrado', 515, [200, 130, 50], [], 'l c12'],
    ['MIE', 'Miel de abeja orgánica 500 g', 'cordillera', 700, [130, 90, 90], [], 'l c12'],
    ['TEV', 'Té verde en hebras 100 g', 'esperanza', 130, [120, 80, 80], [], 'l'],
    ['AOE', 'Aceite de oliva extra virgen 500 ml', 'cordillera', 890, [280, 60, 60], [], 'l c12'],
    ['MRK', 'Merkén ahumado 100 g', 'cordillera', 110, [130, 80, 40], [], 'l'],
    ['ARQ', 'Arequipe 250 g', 'esperanza', 290, [90, 90, 70], [], 'l c24'],
    ['PAN', 'Panela orgánica pulverizada 500 g', 'esperanza', 510, [200, 130, 50], [], 'l c12'],
    ['GUP', 'Guaraná em pó 100 g', 'minas', 115, [160, 110, 40], [], 'l'],
    ['TOT', 'Totopos de maíz horneados 300 g', 'oaxaca', 320, [300, 200, 90], [], 'l c12'],
  ],
};

/** Books carry an ISBN-13 (GS1 prefix 978, "Bookland") with the real registration group of their country. */
export const BOOKS = [
  ['950', 'Rayuela', 520], ['950', 'Ficciones', 240], ['987', 'El túnel', 180], ['987', 'Sobre héroes y tumbas', 640],
  ['950', 'Martín Fierro', 260], ['607', 'Pedro Páramo', 190], ['607', 'El laberinto de la soledad', 330],
  ['968', 'Como agua para chocolate', 280], ['958', 'Cien años de soledad', 560], ['958', 'El amor en los tiempos del cólera', 590],
  ['958', 'La vorágine', 410], ['958', 'María', 350], ['956', 'Veinte poemas de amor y una canción desesperada', 150],
  ['956', 'La casa de los espíritus', 620], ['956', 'Desolación', 230], ['85', 'Dom Casmurro', 290],
  ['85', 'Memórias póstumas de Brás Cubas', 300], ['85', 'Grande Sertão: Veredas', 820], ['65', 'Vidas secas', 210],
  ['65', 'A hora da estrela', 170], ['85', 'O cortiço', 320], ['85', 'Macunaíma', 250], ['65', 'Capitães da Areia', 340],
  ['612', 'La ciudad y los perros', 480], ['9972', 'Los ríos profundos', 360], ['9974', 'La tregua', 220],
  ['84', 'Don Quijote de la Mancha', 1120], ['84', 'La casa de Bernarda Alba', 160],
];

/** Given names and surnames per country; Spanish-speaking countries but AR/UY use two surnames. */
export const NAMES = {
  AR: { first: ['Martina', 'Sofía', 'Valentina', 'Lucía', 'Mateo', 'Santiago', 'Joaquín', 'Tomás', 'Facundo', 'Agustina', 'María José', 'Florencia'], last: ['González', 'Fernández', 'López', 'Pérez', 'Gómez', 'Díaz', 'Romero', 'Sosa', 'Ibáñez', 'Ferrari', 'D\'Alessandro', 'Peña'], two: false },
  BR: { first: ['Ana Luíza', 'João Pedro', 'Maria Eduarda', 'Gabriel', 'Lucas', 'Júlia', 'Beatriz', 'Thiago', 'Letícia', 'Antônio', 'Conceição', 'Caio', 'Rafael', 'Larissa', 'Matheus', 'Isabela'], last: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Gonçalves', 'Magalhães', 'Araújo', 'Carvalho', 'Ribeiro', 'Assunção', 'Brandão', 'Falcão'], two: true },
  MX: { first: ['José Ángel', 'María Fernanda', 'Ximena', 'Diego', 'Itzel', 'Emiliano', 'Guadalupe', 'Andrés', 'Regina', 'Luis Miguel', 'Fernanda', 'Rodrigo'], last: ['Hernández', 'García', 'Martínez', 'Ramírez', 'Cruz', 'Zúñiga', 'Núñez', 'Chávez'], two: true },
  CO: { first: ['Valentina', 'Juan Sebastián', 'Daniela', 'Andrés Felipe', 'Mariana', 'Santiago', 'Camilo', 'Laura', 'Juliana'], last: ['Rodríguez', 'Gómez', 'Muñoz', 'Ñáñez', 'Restrepo', 'Ospina', 'Castaño', 'Londoño'], two: true },
  CL: { first: ['Sebastián', 'Catalina', 'Benjamín', 'Javiera', 'Matías', 'Constanza', 'Francisca', 'Vicente', 'Ignacio'], last: ['Muñoz', 'Rojas', 'Díaz', 'Soto', 'Contreras', 'Araya', 'Peña', 'Fuentes'], two: true },
  PE: { first: ['Camila', 'Luis Alberto', 'Rosa', 'Alonso', 'Milagros', 'Fiorella', 'Renato'], last: ['Quispe', 'Flores', 'Huamán', 'Mamani', 'Chávez', 'Vargas'], two: true },
  UY: { first: ['Lucía', 'Martín', 'Florencia', 'Nicolás'], last: ['Rodríguez', 'Pereira', 'Olivera', 'Silveira', 'Cabrera'], two: false },
  US: { first: ['Emily', 'Michael', 'Renée', 'Daniel'], last: ['Johnson', 'O\'Connor', 'Chen', 'Miller'], two: false },
  ES: { first: ['Íñigo', 'Nerea', 'Álvaro', 'Begoña', 'Jordi'], last: ['Aranzábal', 'Etxeberria', 'Puig', 'Sánchez', 'García'], two: true },
};

/**
 * Where parcels go: [city, region, postal code pattern, streets]. In postal patterns `d` is a random
 * digit and `L` a random capital (Argentina's CPA is C1414BXE). Streets are "name {n}" templates in
 * the local order: number after the street in Latin America and Spain, before it in the US. The
 * first place of each country is the city the warehouse's own fleet covers the same day.
 */
export const PLACES = {
  AR: [['CABA', 'Ciudad Autónoma de Buenos Aires', 'C14ddLLL', ['Av. Corrientes {n}', 'Thames {n}', 'Gorriti {n}', 'Av. Santa Fe {n}']], ['Córdoba', 'Córdoba', 'X5000LLL', ['Bv. San Juan {n}', 'Av. Colón {n}']], ['Rosario', 'Santa Fe', 'S2000LLL', ['Bv. Oroño {n}', 'Pellegrini {n}']], ['Mendoza', 'Mendoza', 'M5500LLL', ['Av. Arístides Villanueva {n}']]],
  BR: [['São Paulo', 'SP', '01ddd-ddd', ['Rua Augusta, {n}', 'Av. Paulista, {n}', 'Rua Oscar Freire, {n}', 'Rua da Consolação, {n}']], ['Rio de Janeiro', 'RJ', '22ddd-ddd', ['Rua Voluntários da Pátria, {n}', 'Av. Nossa Senhora de Copacabana, {n}']], ['Belo Horizonte', 'MG', '301dd-ddd', ['Av. Afonso Pena, {n}']], ['Recife', 'PE', '50ddd-ddd', ['Rua da Aurora, {n}']], ['Porto Alegre', 'RS', '90ddd-ddd', ['Rua Padre Chagas, {n}']], ['Curitiba', 'PR', '80ddd-ddd', ['Rua XV de Novembro, {n}']], ['Salvador', 'BA', '40ddd-ddd', ['Av. Sete de Setembro, {n}']]],
  MX: [['Ciudad de México', 'CDMX', '067dd', ['Calle Álvaro Obregón {n}', 'Av. Insurgentes Sur {n}', 'Calle Durango {n}']], ['Guadalajara', 'Jalisco', '441dd', ['Av. Chapultepec {n}']], ['Monterrey', 'Nuevo León', '640dd', ['Av. Constitución {n}']], ['Puebla', 'Puebla', '720dd', ['Av. Juárez {n}', 'Calle 5 de Mayo {n}']]],
  CO: [['Bogotá', 'Bogotá D.C.', '1102dd', ['Calle 93 # 11A-{n}', 'Carrera 7 # 71-{n}']], ['Medellín', 'Antioquia', '0500dd', ['Carrera 43A # 1-{n}']], ['Cali', 'Valle del Cauca', '7600dd', ['Calle 5 # 38-{n}']]],
  CL: [['Providencia', 'Región Metropolitana', '7500000', ['Av. Providencia {n}']], ['Ñuñoa', 'Región Metropolitana', '7750000', ['Av. Irarrázaval {n}']], ['Santiago', 'Región Metropolitana', '8320000', ['Av. Libertador Bernardo O\'Higgins {n}']], ['Valparaíso', 'Región de Valparaíso', '2340000', ['Av. Brasil {n}']]],
  PE: [['Miraflores', 'Lima', '15074', ['Av. José Larco {n}', 'Calle Schell {n}']], ['Arequipa', 'Arequipa', '04001', ['Calle Mercaderes {n}']], ['Cusco', 'Cusco', '08002', ['Av. El Sol {n}']]],
  UY: [['Montevideo', 'Montevideo', '11300', ['Bulevar General Artigas {n}', 'Av. 18 de Julio {n}']], ['Punta del Este', 'Maldonado', '20100', ['Calle Gorlero {n}']]],
  US: [['Miami', 'FL', '33131', ['{n} Brickell Ave']], ['Houston', 'TX', '77002', ['{n} Main St']], ['New York', 'NY', '10001', ['{n} W 34th St']]],
  ES: [['Madrid', 'Madrid', '280dd', ['Calle de Alcalá {n}']], ['Barcelona', 'Barcelona', '080dd', ['Carrer de Mallorca {n}']], ['Bilbao', 'Bizkaia', '48001', ['Calle de la Gran Vía de Don Diego López de Haro {n}']]],
};

/** Second address lines in local usage; null means none. */
export const LINE2 = {
  AR: ['Piso 5, depto. B', '3° A', 'PB, timbre 2', null], BR: ['Apto 42', 'Bloco B, apto 1203', 'Casa 2, fundos', 'Sala 1504', null],
  MX: ['Int. 302, Col. Roma Norte', 'Depto. 4B, Col. Condesa', 'Col. Americana', null], CO: ['Apto 502', 'Torre 2, apto 1104', null],
  CL: ['Depto. 56', 'Oficina 1203', null], PE: ['Dpto. 701', null], UY: ['Apto. 601', null], US: ['Apt 4B', 'Suite 900', null], ES: ['4º izquierda', '3º 2ª', null],
};

/** How many of the orders go where: a regional warehouse, mostly Brazil, Mexico and Argentina. */
export const COUNTRY_WEIGHTS = [['BR', 22], ['MX', 15], ['AR', 15], ['CO', 10], ['CL', 9], ['PE', 5], ['UY', 4], ['US', 3], ['ES', 2]];

/**
 * [carrier, service, hours from order to ship-by, priority, share of orders] per destination: the
 * national post and the big couriers carry most parcels; same-day services are a small, urgent slice.
 */
export const CARRIERS = {
  AR: [['Andreani', 'Estándar', 36, 0, 5], ['Andreani', 'Urgente', 8, 2, 1], ['Correo Argentino', 'Clásico', 48, 0, 3], ['OCA', 'Puerta a puerta', 36, 0, 2]],
  BR: [['Correios', 'PAC', 48, 0, 4], ['Correios', 'SEDEX', 20, 1, 3], ['Jadlog', '.Package', 36, 0, 2], ['Loggi', 'Expresso', 12, 1, 2], ['Own fleet', 'Entrega no mesmo dia', 4, 3, 1]],
  MX: [['Estafeta', 'Terrestre', 48, 0, 4], ['Estafeta', 'Día siguiente', 16, 2, 3], ['DHL', 'Express', 12, 2, 1], ['99minutos', 'Same day', 4, 3, 1]],
  CO: [['Servientrega', 'Mercancía premier', 36, 0, 4], ['Coordinadora', 'Paquetería', 36, 0, 3], ['Interrapidísimo', 'Hoy mismo', 6, 3, 1]],
  CL: [['Chilexpress', 'Día hábil siguiente', 20, 1, 4], ['Starken', 'Normal', 48, 0, 3], ['Blue Express', 'Express', 16, 1, 2]],
  PE: [['Olva Courier', 'Estándar', 36, 0, 4], ['Own fleet', 'Lima mismo día', 5, 3, 1]],
  UY: [['UES', 'Estándar', 36, 0, 4], ['Own fleet', 'Same day', 5, 3, 1]],
  US: [['DHL', 'Express Worldwide', 24, 2, 1]],
  ES: [['DHL', 'Express Worldwide', 24, 2, 1]],
};

/** Why people send things back, by category: sizes are mostly an apparel story, defects an electronics one. */
export const RETURN_REASONS = {
  apparel: ['size', 'size', 'size', 'changed-mind', 'not-as-described', 'damaged'], footwear: ['size', 'size', 'defective', 'changed-mind'],
  cosmetics: ['damaged', 'changed-mind', 'not-as-described'], electronics: ['defective', 'defective', 'damaged', 'changed-mind', 'not-as-described'],
  home: ['damaged', 'damaged', 'not-as-described', 'changed-mind'], books: ['damaged', 'changed-mind'], food: ['damaged', 'not-as-described'],
};
