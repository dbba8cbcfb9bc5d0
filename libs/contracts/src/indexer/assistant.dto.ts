import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_SEARCH_PRICE, MAX_VEHICLE_YEAR, MIN_VEHICLE_YEAR, SearchHitDto } from './search.dto.js';

/** Longest question the assistant takes. */
export const MAX_ASSISTANT_QUESTION_LENGTH = 1000;
/** Most products an answer retrieves. */
export const MAX_ASSISTANT_LIMIT = 20;

/** Longest the indexer waits on a chat model for one answer (ASSISTANT_CHAT_TIMEOUT_MS at most). */
export const MAX_ASSISTANT_CHAT_TIMEOUT_MS = 45_000;
/** The gateway's deadline of an answer: the chat's longest plus the retrieval's. */
export const ASSISTANT_RPC_TIMEOUT_MS = MAX_ASSISTANT_CHAT_TIMEOUT_MS + 15_000;

const NOT_BLANK = /\S/;

/** Filters of an answer's retrieval: the same as the product search's. */
export class AssistantFiltersDto {
  @ApiPropertyOptional({ description: 'Exact brand (case-insensitive).', example: 'Bosch', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  brand?: string;

  @ApiPropertyOptional({ description: 'Exact category (case-insensitive).', example: 'Brake Pads', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  category?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_SEARCH_PRICE, example: 20 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 })
  @Min(0)
  @Max(MAX_SEARCH_PRICE)
  price_min?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: MAX_SEARCH_PRICE, example: 80 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 4 })
  @Min(0)
  @Max(MAX_SEARCH_PRICE)
  price_max?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: MIN_VEHICLE_YEAR, maximum: MAX_VEHICLE_YEAR, example: 2016 })
  @IsOptional()
  @IsInt()
  @Min(MIN_VEHICLE_YEAR)
  @Max(MAX_VEHICLE_YEAR)
  year?: number;

  @ApiPropertyOptional({ example: 'Honda', maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @Matches(NOT_BLANK, { message: 'make must not be blank' })
  make?: string;

  @ApiPropertyOptional({ example: 'Civic', maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @Matches(NOT_BLANK, { message: 'model must not be blank' })
  model?: string;

  @ApiPropertyOptional({ example: 'EX', maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @Matches(NOT_BLANK, { message: 'submodel must not be blank' })
  submodel?: string;
}

/** `POST /api/v1/assistant/answers`. */
export class AssistantAnswerCommand {
  @ApiProperty({
    description: 'The question, in words: part numbers, vehicles ("2016 Honda Civic") and what the part does.',
    example: 'what brake pads fit a 2016 Civic',
    minLength: 1,
    maxLength: MAX_ASSISTANT_QUESTION_LENGTH,
  })
  @IsString()
  @Length(1, MAX_ASSISTANT_QUESTION_LENGTH)
  @Matches(NOT_BLANK, { message: 'question must not be blank' })
  question!: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_ASSISTANT_LIMIT, default: 5 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_ASSISTANT_LIMIT)
  limit?: number;

  @ApiPropertyOptional({ type: AssistantFiltersDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AssistantFiltersDto)
  filters?: AssistantFiltersDto;
}

export const ASSISTANT_PASSAGE_FIELDS = ['name', 'description', 'attributes', 'part_number', 'vehicles'] as const;
export type AssistantPassageField = (typeof ASSISTANT_PASSAGE_FIELDS)[number];

export class AssistantPassageDto {
  @ApiProperty({ enum: ASSISTANT_PASSAGE_FIELDS, description: 'Field of the product the passage is from.' })
  field!: AssistantPassageField;

  @ApiProperty({ description: 'The sentence or field value that best matches the question (plain text).' })
  text!: string;
}

export class AssistantSourceDto {
  @ApiProperty({ type: SearchHitDto })
  product!: SearchHitDto;

  @ApiProperty({ type: AssistantPassageDto })
  passage!: AssistantPassageDto;
}

export const ASSISTANT_MODES = ['retrieval', 'generated'] as const;
export type AssistantMode = (typeof ASSISTANT_MODES)[number];

export class AssistantVehicleDto {
  @ApiProperty({ type: 'integer', nullable: true })
  year!: number | null;

  @ApiProperty()
  make!: string;

  @ApiProperty({ type: String, nullable: true })
  model!: string | null;
}

export class AssistantAnswerDto {
  @ApiProperty({
    enum: ASSISTANT_MODES,
    description: '`generated`: `answer` is the chat model’s; `retrieval`: no answer, the products are the answer.',
  })
  mode!: AssistantMode;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Short answer citing products by part number in brackets (`[KB-70]`); null in retrieval mode.',
  })
  answer!: string | null;

  @ApiProperty({ type: [String], description: 'Part numbers the answer cites, all among `sources`.' })
  cited!: string[];

  @ApiProperty({ type: [AssistantSourceDto], description: 'Retrieved products, best first, each with its passage.' })
  sources!: AssistantSourceDto[];

  @ApiProperty({ type: String, nullable: true, description: 'Chat provider that answered (`openai`), or null.' })
  provider!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Chat model that answered, or null.' })
  model!: string | null;

  @ApiPropertyOptional({
    type: AssistantVehicleDto,
    nullable: true,
    description: 'Vehicle read from the question (a known approved-fitment vehicle) and used as a filter.',
  })
  vehicle!: AssistantVehicleDto | null;

  @ApiPropertyOptional({ description: 'Why a generated answer was not given (provider failure, invalid citations).' })
  warning?: string;
}
